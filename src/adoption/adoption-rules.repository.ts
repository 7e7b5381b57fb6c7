import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { blockingDependenciesSql, CERTIFYING_SQL, USABLE_PRODUCT_SQL } from './adoption-queries.js';
import type { AdoptionStage } from './adoption-stage.js';

export interface ProductRouteRow {
  name: string;
  status: string;
  service_code: string;
  usable: boolean;
  certificate: string | null;
}

export interface SharedRouteRow {
  name: string;
  service_id: string;
  service_code: string;
  member: boolean;
}

export interface BlockingService {
  id: string;
  code: string;
  name: string;
}

export interface UnfinishedStep {
  id: string;
  stage: AdoptionStage;
  title: string;
}

/** The other modules' tables the adoption rules read: routes, dependencies, steps. */
@Injectable()
export class AdoptionRulesRepository {
  /** The product, whether it is usable, and its best certificate for the service. */
  async productRoute(
    m: EntityManager,
    productId: string,
    serviceId: string,
  ): Promise<ProductRouteRow | undefined> {
    const [row] = await m.query<ProductRouteRow[]>(
      `SELECT p.name, p.status, s.code AS service_code,
              (p.status IN ${USABLE_PRODUCT_SQL}) AS usable,
              (SELECT c.status FROM certificates c
                WHERE c.product_id = p.id AND c.service_id = s.id
                ORDER BY c.status IN ${CERTIFYING_SQL} DESC, c.expires_at DESC LIMIT 1) AS certificate
         FROM products p, services s WHERE p.id = $1 AND s.id = $2`,
      [productId, serviceId],
    );
    return row;
  }

  /** The shared service, its service, and whether the council is a member. */
  async sharedRoute(
    m: EntityManager,
    sharedServiceId: string,
    councilId: string,
  ): Promise<SharedRouteRow | undefined> {
    const [row] = await m.query<SharedRouteRow[]>(
      `SELECT ss.name, ss.service_id, s.code AS service_code,
              EXISTS (SELECT 1 FROM shared_service_members mm
                       WHERE mm.shared_service_id = ss.id AND mm.council_id = $2) AS member
         FROM shared_services ss JOIN services s ON s.id = ss.service_id WHERE ss.id = $1`,
      [sharedServiceId, councilId],
    );
    return row;
  }

  blockingDependencies(
    m: EntityManager,
    councilId: string,
    serviceId: string,
  ): Promise<BlockingService[]> {
    return m.query<BlockingService[]>(`${blockingDependenciesSql('$1', '$2')} ORDER BY d.code`, [
      councilId,
      serviceId,
    ]);
  }

  /** Active mandatory steps of `stages` of the service not done for the adoption. */
  unfinishedSteps(
    m: EntityManager,
    serviceId: string,
    adoptionId: string,
    stages: AdoptionStage[],
  ): Promise<UnfinishedStep[]> {
    return m.query<UnfinishedStep[]>(
      `SELECT st.id, st.stage, st.title FROM success_steps st
        WHERE st.service_id = $1 AND st.stage = ANY($2::text[]) AND st.mandatory AND st.active
          AND NOT EXISTS (SELECT 1 FROM adoption_steps d WHERE d.adoption_id = $3 AND d.step_id = st.id)
        ORDER BY st.stage, st.position, st.title`,
      [serviceId, stages, adoptionId],
    );
  }
}
