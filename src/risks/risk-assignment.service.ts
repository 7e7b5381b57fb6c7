import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, isTenantScoped } from '../auth/actor.js';
import { type FieldError, ProblemException } from '../common/errors/problem.exception.js';
import type { OrganisationType } from '../organisations/organisation-type.js';
import type { RiskScope } from './risk-lifecycle.js';
import { RisksRepository } from './risks.repository.js';

export interface Placement {
  scope: RiskScope;
  serviceId: string | null;
  supplierId: string | null;
  councilId: string | null;
}
export type PlacementInput = Partial<Placement>;

export interface Ownership {
  ownerUserId: string | null;
  ownerOrganisationId: string;
}
export interface OwnershipInput {
  ownerUserId?: string | null;
  ownerOrganisationId?: string;
}

const LINK_OF: Record<RiskScope, keyof Placement | null> = {
  national: null,
  service: 'serviceId',
  supplier: 'supplierId',
  council: 'councilId',
};
/** Links each scope may carry besides its own (a supplier or council entry may name a service). */
const EXTRA_LINKS: Record<RiskScope, (keyof Placement)[]> = {
  national: [],
  service: [],
  supplier: ['serviceId'],
  council: ['serviceId'],
};
const LINKS = ['serviceId', 'supplierId', 'councilId'] as const;

/**
 * Where an entry sits (scope and linked records) and who owns it, from a request and
 * the caller. Suppliers and councils always place entries on their own organisation
 * and may only name owners from it; programme staff place and assign freely within the
 * shape rules (national: no links; service: a service; supplier: a supplier; council: a
 * council).
 */
@Injectable()
export class RiskAssignment {
  constructor(private readonly risks: RisksRepository) {}

  async placement(
    m: EntityManager,
    actor: Actor,
    input: PlacementInput,
    current?: Placement,
  ): Promise<Placement> {
    const pick = <K extends keyof Placement>(k: K, fallback: Placement[K]): Placement[K] =>
      input[k] !== undefined ? input[k] : current ? current[k] : fallback;
    if (isTenantScoped(actor)) {
      const placed = this.tenantPlacement(actor, input, current, pick);
      await this.requireService(m, placed.serviceId);
      return placed;
    }

    const result: Placement = {
      scope: pick('scope', 'national'),
      serviceId: pick('serviceId', null),
      supplierId: pick('supplierId', null),
      councilId: pick('councilId', null),
    };
    const own = LINK_OF[result.scope];
    const errors: FieldError[] = [];
    if (own && !result[own]) {
      errors.push({ field: own, message: `${own} is required for a ${result.scope} entry` });
    }
    for (const link of LINKS) {
      if (link !== own && !EXTRA_LINKS[result.scope].includes(link) && result[link]) {
        errors.push({ field: link, message: `${link} must be empty for a ${result.scope} entry` });
      }
    }
    if (errors.length > 0) throw ProblemException.invalidFields(errors);
    await this.requireOrganisation(m, 'supplierId', result.supplierId, 'SUPPLIER');
    await this.requireOrganisation(m, 'councilId', result.councilId, 'COUNCIL');
    await this.requireService(m, result.serviceId);
    return result;
  }

  async ownership(
    m: EntityManager,
    actor: Actor,
    input: OwnershipInput,
    current?: Ownership,
  ): Promise<Ownership> {
    if (isTenantScoped(actor)) {
      if (input.ownerOrganisationId && input.ownerOrganisationId !== actor.organisationId) {
        throw ProblemException.invalidFields([
          { field: 'ownerOrganisationId', message: 'must be your own organisation' },
        ]);
      }
      const userId =
        input.ownerUserId !== undefined
          ? input.ownerUserId
          : current
            ? current.ownerUserId
            : actor.userId;
      if (input.ownerUserId) await this.requireUser(m, actor, 'ownerUserId', input.ownerUserId);
      return { ownerUserId: userId, ownerOrganisationId: actor.organisationId! };
    }
    if (input.ownerUserId) {
      const user = await this.requireUser(m, actor, 'ownerUserId', input.ownerUserId);
      if (input.ownerOrganisationId && input.ownerOrganisationId !== user.organisationId) {
        throw ProblemException.unprocessable(
          'owner_mismatch',
          'ownerUserId does not belong to ownerOrganisationId',
        );
      }
      return { ownerUserId: user.id, ownerOrganisationId: user.organisationId };
    }
    if (input.ownerOrganisationId) {
      await this.requireOrganisation(m, 'ownerOrganisationId', input.ownerOrganisationId);
      const keepUser = current && current.ownerOrganisationId === input.ownerOrganisationId;
      return {
        ownerUserId: input.ownerUserId === null || !keepUser ? null : current.ownerUserId,
        ownerOrganisationId: input.ownerOrganisationId,
      };
    }
    if (current) {
      return {
        ownerUserId: input.ownerUserId === null ? null : current.ownerUserId,
        ownerOrganisationId: current.ownerOrganisationId,
      };
    }
    return {
      ownerUserId: input.ownerUserId === null ? null : actor.userId,
      ownerOrganisationId: actor.organisationId!,
    };
  }

  /** A mitigation action's owner: any user for programme staff, a colleague for tenants. */
  async actionOwner(m: EntityManager, actor: Actor, userId: string | null | undefined) {
    if (userId) await this.requireUser(m, actor, 'ownerUserId', userId);
  }

  private tenantPlacement(
    actor: Actor,
    input: PlacementInput,
    current: Placement | undefined,
    pick: <K extends keyof Placement>(k: K, fallback: Placement[K]) => Placement[K],
  ): Placement {
    const org = actor.organisationId!;
    const fixed: Omit<Placement, 'serviceId'> = current
      ? { scope: current.scope, supplierId: current.supplierId, councilId: current.councilId }
      : actor.role === 'supplier'
        ? { scope: 'supplier', supplierId: org, councilId: null }
        : { scope: 'council', supplierId: null, councilId: org };
    const errors: FieldError[] = (['scope', 'supplierId', 'councilId'] as const)
      .filter((k) => input[k] !== undefined && input[k] !== fixed[k])
      .map((k) => ({
        field: k,
        message: current
          ? 'only programme staff can re-scope an entry'
          : `must be ${fixed[k] ?? 'empty'}: you raise entries for your own organisation`,
      }));
    if (errors.length > 0) throw ProblemException.invalidFields(errors);
    return { ...fixed, serviceId: pick('serviceId', null) };
  }

  private async requireService(m: EntityManager, id: string | null): Promise<void> {
    if (id && !(await this.risks.serviceExists(m, id))) {
      throw ProblemException.unprocessable('unknown_service', `serviceId ${id} is not a service`, {
        field: 'serviceId',
      });
    }
  }

  private async requireOrganisation(
    m: EntityManager,
    field: string,
    id: string | null,
    type?: OrganisationType,
  ): Promise<void> {
    if (!id) return;
    const exists = await this.risks.organisationExists(m, id, type);
    if (!exists) {
      throw ProblemException.unprocessable(
        'unknown_organisation',
        `${field} ${id} is not ${type ? `a ${type.toLowerCase()}` : 'an organisation'}`,
        { field },
      );
    }
  }

  private async requireUser(m: EntityManager, actor: Actor, field: string, id: string) {
    const user = await this.risks.findUser(m, id);
    if (!user || (isTenantScoped(actor) && user.organisationId !== actor.organisationId)) {
      throw ProblemException.unprocessable(
        'unknown_user',
        `${field} ${id} is not a user${isTenantScoped(actor) ? ' of your organisation' : ''}`,
        { field },
      );
    }
    return user;
  }
}
