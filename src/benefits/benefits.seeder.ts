import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { raiseThresholdRisk } from './benefit-threshold-risk.js';
import { BenefitThresholdsRepository } from './benefit-thresholds.repository.js';
import { DEMO_BENEFITS } from './demo-benefits.js';

/**
 * Demo benefits with 12 monthly readings each, ending last month; the disbenefit crosses
 * its threshold once and its linked risk is raised as the worker would. Idempotent by
 * seed key: a benefit already seeded is left alone, readings and all.
 */
@Injectable()
export class BenefitsSeeder {
  constructor(
    private readonly audit: AuditService,
    private readonly thresholds: BenefitThresholdsRepository,
  ) {}

  async seedDemo(m: EntityManager, now = new Date()): Promise<Record<string, number>> {
    const months = Array.from({ length: 12 }, (_, i) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 0));
      return d.toISOString().slice(0, 10); // last day of each of the 12 months before this one
    });
    const baselineDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12, 0))
      .toISOString()
      .slice(0, 10);
    const targetDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 12, 0))
      .toISOString()
      .slice(0, 10);
    const rows = DEMO_BENEFITS.map((b) => ({ ...b, baselineDate, targetDate }));
    const inserted: { id: string; seed_key: string }[] = await m.query(
      `INSERT INTO benefits (seed_key, title, description, type, service_ids, owner_organisation_id,
              owner_user_id, measure_name, unit, direction, baseline_value, baseline_date,
              baseline_source, target_value, target_date, tolerance_pct, threshold,
              value_per_unit, evidence)
       SELECT t.key, t.title, t.description, t.type,
              ARRAY(SELECT s.id FROM services s WHERE s.code = ANY(t.services) ORDER BY s.code),
              u.organisation_id, u.id, t.measure, t.unit, t.direction, t.baseline,
              t."baselineDate"::date, t.source, t.target, t."targetDate"::date, t.tolerance,
              t.threshold, t."valuePerUnit", t.evidence
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, title text, description text,
              type text, services text[], measure text, unit text, direction text,
              baseline numeric, "baselineDate" text, source text, target numeric,
              "targetDate" text, tolerance numeric, threshold numeric, "valuePerUnit" numeric,
              evidence text)
         JOIN users u ON u.email = 'admin@programme.example'
       ON CONFLICT (seed_key) WHERE seed_key IS NOT NULL DO NOTHING
       RETURNING id, seed_key`,
      [JSON.stringify(rows)],
    );
    if (inserted.length === 0) return { benefits: 0, benefitReadings: 0 };
    const readings = inserted.flatMap(({ id, seed_key }) => {
      const demo = DEMO_BENEFITS.find((b) => b.key === seed_key)!;
      return demo.readings
        .map((value, i) => ({
          benefitId: id,
          value,
          measuredOn: months[i],
          source: demo.source,
          breakdown: null as string | null,
          key: null as string | null,
        }))
        .concat(
          Object.entries(demo.byNation ?? {}).flatMap(([nation, values]) =>
            values.map((value, i) => ({
              benefitId: id,
              value,
              measuredOn: months[i],
              source: demo.source,
              breakdown: 'nation',
              key: nation,
            })),
          ),
        );
    });
    await m.query(
      `INSERT INTO benefit_measurements (benefit_id, value, measured_on, source, breakdown, breakdown_key)
       SELECT t."benefitId", t.value, t."measuredOn"::date, t.source, t.breakdown, t.key
         FROM jsonb_to_recordset($1::jsonb) AS t("benefitId" uuid, value numeric,
              "measuredOn" text, source text, breakdown text, key text)`,
      [JSON.stringify(readings)],
    );
    let risks = 0;
    for (const { id, seed_key } of inserted) {
      const demo = DEMO_BENEFITS.find((b) => b.key === seed_key)!;
      if (demo.type !== 'disbenefit') continue;
      for (const c of await this.thresholds.findCrossings(m, id, null)) {
        const out = await raiseThresholdRisk(m, this.audit, this.thresholds, {
          benefitId: id,
          measurementId: c.id,
          value: c.value,
          threshold: String(demo.threshold),
          measuredOn: c.measured_on,
        });
        if (out.riskId) risks++;
      }
    }
    return { benefits: inserted.length, benefitReadings: readings.length, benefitRisks: risks };
  }
}
