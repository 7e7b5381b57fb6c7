import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEMO_CRITICAL_DATES } from './demo-critical-dates.js';
import { DEFAULT_LEAD_TIMES } from './readiness-rule.js';

/**
 * Demo critical dates (one statement, insert-if-absent by code). Readiness itself is
 * never seeded: it is computed from the seeded adoptions, so it always agrees with them.
 */
@Injectable()
export class ReadinessSeeder {
  async seedDemo(m: EntityManager): Promise<Record<string, number>> {
    const inserted: unknown[] = await m.query(
      `INSERT INTO critical_dates (code, name, description, date, service_ids, nations,
                                   min_stage, days_before, mandatory_steps, lead_times)
       SELECT t.code, t.name, t.description, t.date::date,
              ARRAY(SELECT s.id FROM services s WHERE s.code = ANY(t.services) ORDER BY s.code),
              t.nations, t."minStage", t."daysBefore", true, $2::int[]
         FROM jsonb_to_recordset($1::jsonb) AS t(code text, name text, description text,
              date text, services text[], nations text[], "minStage" text, "daysBefore" int)
        WHERE EXISTS (SELECT 1 FROM services s WHERE s.code = ANY(t.services))
       ON CONFLICT (code) DO NOTHING
       RETURNING id`,
      [JSON.stringify(DEMO_CRITICAL_DATES), DEFAULT_LEAD_TIMES],
    );
    return { criticalDates: inserted.length };
  }
}
