import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import type { DomainEventPayloads } from '../queue/domain-event-registry.js';
import { OnDomainEvent } from '../queue/on-domain-event.decorator.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { ScopeOutcome, ScopeTarget } from './adoption-scope.js';
import { AdoptionScopeRepository } from './adoption-scope.repository.js';

type Payload<T extends keyof DomainEventPayloads> = DomainEventPayloads[T];

/**
 * Adoptions follow service scopes (worker, at least once). The catalogue (L2) announces a
 * new service or a changed scope, organisations a new council or changed group members;
 * this module (L3) creates, reopens or withdraws adoptions from the scope as it is when
 * the event is handled, so a redelivered or late event changes nothing more.
 */
@Injectable()
export class AdoptionScopeSubscriber {
  private readonly log = new Logger(AdoptionScopeSubscriber.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly scope: AdoptionScopeRepository,
  ) {}

  @OnDomainEvent('service.scope_changed')
  async serviceScopeChanged(e: Payload<'service.scope_changed'>) {
    return this.run({ serviceIds: [e.serviceId] }, 'service.scope_changed');
  }

  @OnDomainEvent('council_group.members_changed')
  async groupChanged(e: Payload<'council_group.members_changed'>) {
    return this.run({ groupId: e.groupId }, 'council_group.members_changed');
  }

  @OnDomainEvent('council.added')
  async councilAdded(e: Payload<'council.added'>) {
    return this.run({ councilId: e.councilId }, 'council.added');
  }

  private async run(target: ScopeTarget, cause: string) {
    const outcome: ScopeOutcome = await this.uow.run((tx) =>
      this.scope.reconcile(tx.manager, target, SYSTEM_ACTOR.label, cause),
    );
    if (outcome.created + outcome.reopened + outcome.withdrawn > 0) {
      this.log.log(
        `${cause}: ${outcome.created} adoption(s) created, ${outcome.reopened} reopened, ${outcome.withdrawn} withdrawn`,
      );
    }
    return outcome;
  }
}
