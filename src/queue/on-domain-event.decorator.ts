import { SetMetadata } from '@nestjs/common';
import type { DomainEventType } from './domain-event-registry.js';

export const DOMAIN_EVENT_HANDLER = Symbol('domain-event-handler');

/**
 * Marks a provider method as a subscriber: `@OnDomainEvent('requirement_set.published')
 * async onPublished(data, envelope)`. Runs in the worker, at least once: be idempotent.
 */
export const OnDomainEvent = (type: DomainEventType) => SetMetadata(DOMAIN_EVENT_HANDLER, type);
