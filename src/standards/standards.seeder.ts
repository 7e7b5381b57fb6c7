import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEMO_STANDARDS } from './demo/demo-standards.js';

/**
 * Demo standards with their JSON Schemas and governed services. Insert-if-absent by code
 * and version; services are linked only for standards this run created.
 */
@Injectable()
export class StandardsSeeder {
  async seedDemo(m: EntityManager): Promise<Record<string, number>> {
    const col = <K extends keyof (typeof DEMO_STANDARDS)[number]>(k: K) =>
      DEMO_STANDARDS.map((s) => s[k]);
    const created: { id: string; code: string; version: string }[] = await m.query(
      `INSERT INTO standards (code, version, name, description, owner_id, status, effective_from, json_schema)
       SELECT t.code, t.version, t.name, t.description, o.id, t.status, t.effective::date, t.schema::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::text[], $8::text[])
              AS t(code, version, name, description, owner, status, effective, schema)
         JOIN organisations o ON o.code = t.owner
       ON CONFLICT (code, version) DO NOTHING RETURNING id, code, version`,
      [
        col('code'),
        col('version'),
        col('name'),
        col('description'),
        col('owner'),
        col('status'),
        col('effectiveFrom'),
        DEMO_STANDARDS.map((s) => (s.jsonSchema ? JSON.stringify(s.jsonSchema) : null)),
      ],
    );
    const links = created.flatMap((c) =>
      DEMO_STANDARDS.find((d) => d.code === c.code && d.version === c.version)!.services.map(
        (service) => [c.id, service],
      ),
    );
    const governed = await m.query<{ service_id: string }[]>(
      `INSERT INTO standard_services (standard_id, service_id)
       SELECT t.standard_id, s.id FROM unnest($1::uuid[], $2::text[]) AS t(standard_id, service)
         JOIN services s ON s.code = t.service
       ON CONFLICT DO NOTHING RETURNING service_id`,
      [links.map((l) => l[0]), links.map((l) => l[1])],
    );
    return { standards: created.length, standardServices: governed.length };
  }

  /** Demo standards' ids keyed `code@version`, for the relationships they govern. */
  async demoIds(m: EntityManager): Promise<Map<string, string>> {
    const rows: { id: string; key: string }[] = await m.query(
      `SELECT id, code || '@' || version AS key FROM standards
        WHERE (code, version) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [DEMO_STANDARDS.map((s) => s.code), DEMO_STANDARDS.map((s) => s.version)],
    );
    return new Map(rows.map((r) => [r.key, r.id]));
  }
}
