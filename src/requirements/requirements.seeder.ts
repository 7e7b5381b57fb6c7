import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEMO_REQUIREMENT_SETS } from './demo/demo-requirement-sets.js';

/**
 * Demo requirement sets: version 1 of each demo service, published. A set that exists
 * already is left alone (published sets are immutable), so a second run inserts nothing.
 */
@Injectable()
export class RequirementsSeeder {
  async seedDemo(m: EntityManager): Promise<Record<string, number>> {
    const sets: { id: string }[] = await m.query(
      `INSERT INTO requirement_sets (service_id, version, status, title, summary, effective_date, published_at)
       SELECT s.id, 1, 'published', t.title, t.summary, t.effective::date, now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(service, title, summary, effective)
         JOIN services s ON s.code = t.service
        WHERE NOT EXISTS (SELECT 1 FROM requirement_sets rs WHERE rs.service_id = s.id)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        DEMO_REQUIREMENT_SETS.map((d) => d.service),
        DEMO_REQUIREMENT_SETS.map((d) => d.title),
        DEMO_REQUIREMENT_SETS.map((d) => d.summary),
        DEMO_REQUIREMENT_SETS.map((d) => d.effectiveDate),
      ],
    );
    const rows = DEMO_REQUIREMENT_SETS.flatMap((d) =>
      d.requirements.map((r, i) => ({ service: d.service, position: i + 1, ...r })),
    );
    const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
    const requirements = await m.query<{ id: string }[]>(
      `INSERT INTO requirements
         (requirement_set_id, code, title, description, level, category, acceptance_criteria, position)
       SELECT rs.id, t.code, t.title, t.description, t.level, t.category, t.acceptance, t.position
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::text[], $8::int[])
              AS t(service, code, title, description, level, category, acceptance, position)
         JOIN services s ON s.code = t.service
         JOIN requirement_sets rs ON rs.service_id = s.id AND rs.id = ANY($9::uuid[])
       RETURNING id`,
      [
        col('service'),
        col('code'),
        col('title'),
        col('description'),
        col('level'),
        col('category'),
        col('acceptanceCriteria'),
        col('position'),
        sets.map((s) => s.id),
      ],
    );
    return { requirementSets: sets.length, requirements: requirements.length };
  }
}
