import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/errors/problem.exception.js';
import {
  AdoptionRulesRepository,
  type BlockingService,
  type UnfinishedStep,
} from './adoption-rules.repository.js';
import type { AdoptionStage } from './adoption-stage.js';
import type { Adoption } from './adoption.entity.js';

/**
 * The adoption rules that read other modules' tables: which routes a council may take,
 * which dependencies block going live, which mandatory steps are unfinished.
 */
@Injectable()
export class AdoptionRules {
  constructor(private readonly routes: AdoptionRulesRepository) {}

  /**
   * A product route: the product exists, is published or in remediation (not draft,
   * suspended or unpublished) and holds a valid or reassessment_due certificate for the
   * adoption's service. Otherwise 422 saying which.
   */
  async assertProductRoute(m: EntityManager, a: Adoption, productId: string): Promise<void> {
    const row = await this.routes.productRoute(m, productId, a.serviceId);
    if (!row) {
      throw ProblemException.unprocessable('route_product_not_found', `No product ${productId}`, {
        productId,
      });
    }
    if (!row.usable) {
      throw ProblemException.unprocessable(
        'route_product_unavailable',
        `Product "${row.name}" is ${row.status}; only a published product (or one in remediation) can be a delivery route`,
        { productId, productStatus: row.status },
      );
    }
    if (row.certificate !== 'valid' && row.certificate !== 'reassessment_due') {
      throw ProblemException.unprocessable(
        'route_not_certified',
        row.certificate
          ? `Product "${row.name}" has no valid certificate for ${row.service_code}: its certificate is ${row.certificate}`
          : `Product "${row.name}" holds no certificate for ${row.service_code}`,
        { productId, certificateStatus: row.certificate },
      );
    }
  }

  /** A shared-service route: a shared service for this service with the council as a member. */
  async assertSharedRoute(m: EntityManager, a: Adoption, sharedServiceId: string): Promise<void> {
    const row = await this.routes.sharedRoute(m, sharedServiceId, a.councilId);
    if (!row) {
      throw ProblemException.unprocessable(
        'route_shared_service_not_found',
        `No shared service ${sharedServiceId}`,
        { sharedServiceId },
      );
    }
    if (row.service_id !== a.serviceId) {
      throw ProblemException.unprocessable(
        'route_wrong_service',
        `Shared service "${row.name}" delivers ${row.service_code}, not this adoption's service`,
        { sharedServiceId },
      );
    }
    if (!row.member) {
      throw ProblemException.unprocessable(
        'route_not_member',
        `The council is not a member of shared service "${row.name}"`,
        { sharedServiceId },
      );
    }
  }

  /** The route a live adoption needs is still usable (same checks as when it was set). */
  async assertRouteUsable(m: EntityManager, a: Adoption): Promise<void> {
    if (!a.routeType) {
      throw ProblemException.conflict(
        'route_required',
        'Choose a delivery route (a certified product or a shared service) before going live',
      );
    }
    try {
      if (a.productId) await this.assertProductRoute(m, a, a.productId);
      if (a.sharedServiceId) await this.assertSharedRoute(m, a, a.sharedServiceId);
    } catch (err) {
      if (!(err instanceof ProblemException)) throw err;
      throw ProblemException.conflict('route_not_usable', `Cannot go live: ${err.message}`, {
        reason: err.code,
      });
    }
  }

  async blockingDependencies(
    m: EntityManager,
    councilId: string,
    serviceId: string,
  ): Promise<BlockingService[]> {
    return this.routes.blockingDependencies(m, councilId, serviceId);
  }

  /** Active mandatory steps of `stages` not done for the adoption. */
  async unfinishedSteps(
    m: EntityManager,
    a: Adoption,
    stages: AdoptionStage[],
  ): Promise<UnfinishedStep[]> {
    if (stages.length === 0) return [];
    return this.routes.unfinishedSteps(m, a.serviceId, a.id, stages);
  }
}
