import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEMO_RELATIONSHIPS, DEMO_SERVICES, DEMO_SHARED_SERVICES } from './demo/demo-catalogue.js';

/**
 * Demo catalogue: services, shared services with their members, relationships. Every
 * statement is insert-if-absent; members are added only to shared services this run
 * created, so a council removed by an admin stays removed. Returns rows inserted.
 */
@Injectable()
export class CatalogueSeeder {
  async seedServices(m: EntityManager): Promise<Record<string, number>> {
    const col = <K extends keyof (typeof DEMO_SERVICES)[number]>(k: K) =>
      DEMO_SERVICES.map((s) => s[k]);
    const services = await m.query<{ id: string }[]>(
      `INSERT INTO services (code, name, description, lead_agency_id, delivery_model, status,
              scope_nations)
       SELECT t.code, t.name, t.description, o.id, t.dm, t.status,
              ARRAY(SELECT jsonb_array_elements_text(t.scope))
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::jsonb[])
              AS t(code, name, description, agency, dm, status, scope)
         JOIN organisations o ON o.type = 'AGENCY' AND o.code = t.agency
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        col('code'),
        col('name'),
        col('description'),
        col('lead'),
        col('deliveryModel'),
        col('status'),
        DEMO_SERVICES.map((s) => JSON.stringify(s.scopeNations)),
      ],
    );
    const shared: { id: string; name: string }[] = await m.query(
      `INSERT INTO shared_services (name, description, service_id, operator_id)
       SELECT t.name, t.description, s.id, o.id
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
              AS t(name, description, service, operator)
         JOIN services s ON s.code = t.service
         JOIN organisations o ON o.type = 'SUPPLIER' AND o.name = t.operator
       ON CONFLICT (name) DO NOTHING RETURNING id, name`,
      [
        DEMO_SHARED_SERVICES.map((s) => s.name),
        DEMO_SHARED_SERVICES.map((s) => s.description),
        DEMO_SHARED_SERVICES.map((s) => s.service),
        DEMO_SHARED_SERVICES.map((s) => s.operator),
      ],
    );
    const groupOf = new Map(DEMO_SHARED_SERVICES.map((s) => [s.name, s.group]));
    const members = await m.query<{ council_id: string }[]>(
      `INSERT INTO shared_service_members (shared_service_id, council_id)
       SELECT t.id, o.id
         FROM unnest($1::uuid[], $2::text[]) AS t(id, grp)
         JOIN organisations o ON o.type = 'COUNCIL'
        WHERE t.grp IS NULL OR o.id IN (
          SELECT gm.council_id FROM council_group_members gm
            JOIN council_groups g ON g.id = gm.group_id WHERE g.name = t.grp)
       ON CONFLICT DO NOTHING RETURNING council_id`,
      [shared.map((s) => s.id), shared.map((s) => groupOf.get(s.name) ?? null)],
    );
    return {
      services: services.length,
      sharedServices: shared.length,
      sharedServiceMembers: members.length,
    };
  }

  /** Needs the standards first: `standardIds` maps `code@version` to a standard id. */
  async seedRelationships(
    m: EntityManager,
    standardIds: Map<string, string>,
  ): Promise<Record<string, number>> {
    const rows = await m.query<{ id: string }[]>(
      `INSERT INTO service_relationships (from_service_id, to_service_id, type, standard_id, description)
       SELECT f.id, s.id, t.type, t.standard_id, t.description
         FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[])
              AS t(from_code, to_code, type, standard_id, description)
         JOIN services f ON f.code = t.from_code
         JOIN services s ON s.code = t.to_code
       ON CONFLICT (from_service_id, to_service_id, type) DO NOTHING RETURNING id`,
      [
        DEMO_RELATIONSHIPS.map((r) => r.from),
        DEMO_RELATIONSHIPS.map((r) => r.to),
        DEMO_RELATIONSHIPS.map((r) => r.type),
        DEMO_RELATIONSHIPS.map((r) => (r.standard ? (standardIds.get(r.standard) ?? null) : null)),
        DEMO_RELATIONSHIPS.map((r) => r.description),
      ],
    );
    return { serviceRelationships: rows.length };
  }
}
