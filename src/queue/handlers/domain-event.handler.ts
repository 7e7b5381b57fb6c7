import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { DomainEventEnvelope } from '../domain-event-registry.js';
import { HandlesJob, type JobHandler } from '../job-handler.js';
import { JobName } from '../job-registry.js';
import { DOMAIN_EVENT_HANDLER } from '../on-domain-event.decorator.js';

type Subscriber = (data: unknown, envelope: DomainEventEnvelope) => Promise<unknown>;

/**
 * Delivers a domain event to every `@OnDomainEvent` subscriber, in turn. A failure
 * retries the job (and so every subscriber): subscribers must be idempotent.
 */
@Injectable()
@HandlesJob(JobName.DomainEvent)
export class DomainEventHandler implements JobHandler<JobName.DomainEvent> {
  private readonly log = new Logger(DomainEventHandler.name);
  private subscribers?: Map<string, { name: string; fn: Subscriber }[]>;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  async handle(envelope: DomainEventEnvelope): Promise<{ subscribers: number }> {
    const subs = this.index().get(envelope.type) ?? [];
    for (const s of subs) await s.fn(envelope.data, envelope);
    if (subs.length === 0) this.log.debug(`no subscriber for ${envelope.type}`);
    return { subscribers: subs.length };
  }

  /** Subscribers of each event type, found once by scanning the providers. */
  index(): Map<string, { name: string; fn: Subscriber }[]> {
    if (this.subscribers) return this.subscribers;
    const map = new Map<string, { name: string; fn: Subscriber }[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = instance[method] as Subscriber;
        const type = Reflect.getMetadata(DOMAIN_EVENT_HANDLER, fn) as string | undefined;
        if (!type) continue;
        map.set(type, [
          ...(map.get(type) ?? []),
          { name: `${proto.constructor.name}.${method}`, fn: fn.bind(instance) },
        ]);
      }
    }
    this.subscribers = map;
    return map;
  }
}
