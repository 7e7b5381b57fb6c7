import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEMO_DECISIONS } from './demo-decisions.js';

/**
 * The demo decision log, in two statements: insert the decisions (organisations by supplier
 * name or council GSS code, services by code, requirements by code in the latest published
 * set of the decision's first service, risks by seed key), then link each superseding
 * decision and the one it replaced both ways. Idempotent by seed key.
 */
@Injectable()
export class DecisionsSeeder {
  async seedDemo(m: EntityManager, now = new Date()): Promise<Record<string, number>> {
    const monthsAgo = (n: number | null) =>
      n === null
        ? null
        : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 12))
            .toISOString()
            .slice(0, 10);
    const rows = DEMO_DECISIONS.map((d) => ({
      ...d,
      decidedOn: monthsAgo(d.decidedMonthsAgo),
      reviewDate: d.reviewInMonths === null ? null : monthsAgo(-d.reviewInMonths),
      revocationReason: d.revocationReason ?? null,
    }));
    const orgs = (field: string) =>
      `ARRAY(SELECT o.id FROM organisations o
              WHERE o.name = ANY(t.${field}) OR o.gss_code = ANY(t.${field}) ORDER BY o.name)`;
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO decisions (seed_key, title, context, options, outcome, rationale, consequences,
              status, decided_by_people, consulted_organisation_ids, informed_organisation_ids,
              public_to_programme, decided_on, review_date, revocation_reason, service_ids,
              requirement_ids, risk_ids)
       SELECT t.key, t.title, t.context, t.options, t.outcome, t.rationale, t.consequences,
              t.status, t."decidedByPeople", ${orgs('consulted')}, ${orgs('informed')},
              t."publicToProgramme", t."decidedOn"::date, t."reviewDate"::date,
              t."revocationReason",
              ARRAY(SELECT s.id FROM services s WHERE s.code = ANY(t.services) ORDER BY s.code),
              ARRAY(SELECT q.id FROM requirements q
                     WHERE q.code = ANY(t.requirements) AND q.requirement_set_id =
                       (SELECT rs.id FROM requirement_sets rs JOIN services s ON s.id = rs.service_id
                         WHERE s.code = t.services[1] AND rs.status = 'published'
                         ORDER BY rs.version DESC LIMIT 1)
                     ORDER BY q.code),
              ARRAY(SELECT r.id FROM risks r WHERE r.seed_key = ANY(t.risks) ORDER BY r.seed_key)
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, title text, context text,
              options jsonb, outcome text, rationale text, consequences text, status text,
              "decidedByPeople" text[], consulted text[], informed text[],
              "publicToProgramme" boolean, "decidedOn" text, "reviewDate" text,
              "revocationReason" text, services text[], requirements text[], risks text[])
       ON CONFLICT (seed_key) WHERE seed_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [JSON.stringify(rows)],
    );
    if (inserted.length === 0) return { decisions: 0 };
    const pairs = DEMO_DECISIONS.filter((d) => d.supersedes).map((d) => ({
      newKey: d.key,
      oldKey: d.supersedes,
    }));
    await m.query(
      `WITH p AS (
         SELECT n.id AS new_id, o.id AS old_id
           FROM jsonb_to_recordset($1::jsonb) AS t("newKey" text, "oldKey" text)
           JOIN decisions n ON n.seed_key = t."newKey"
           JOIN decisions o ON o.seed_key = t."oldKey")
       UPDATE decisions d
          SET supersedes_id = CASE WHEN d.id = p.new_id THEN p.old_id ELSE d.supersedes_id END,
              superseded_by_id = CASE WHEN d.id = p.old_id THEN p.new_id ELSE d.superseded_by_id END
         FROM p WHERE d.id IN (p.new_id, p.old_id)`,
      [JSON.stringify(pairs)],
    );
    return { decisions: inserted.length };
  }
}
