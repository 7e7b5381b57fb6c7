import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { HandlesJob, type JobHandler } from '../queue/job-handler.js';
import { JobName } from '../queue/job-registry.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { readinessCtes, TODAY_SQL } from './readiness-sql.js';

/** Coming dates with the lead time due today: the smallest lead ≥ the days left. */
const DUE_DATES = `cd.date >= ${TODAY_SQL}
  AND EXISTS (SELECT 1 FROM unnest(cd.lead_times) l WHERE l >= cd.date - ${TODAY_SQL})`;

interface Announced {
  date_id: string;
  code: string;
  name: string;
  date: string;
  lead_days: number;
  council_ids: string[];
  supplier_ids: string[];
}

/**
 * The daily readiness scan (worker, READINESS_SCAN_CRON), in one transaction:
 * 1. today's counts of every coming date become its trend snapshot (upsert);
 * 2. for every coming date whose lead time is due (the smallest lead time at least the
 *    days left, so a date added late gets its most urgent notice only), the councils not
 *    ready (at risk or not ready) are recorded in `readiness_notices` (date × lead time ×
 *    council, `ON CONFLICT DO NOTHING`) and only the newly recorded ones are announced in
 *    `readiness.lead_time_reached` with the suppliers serving them — so a second run, a
 *    retry or a concurrent run announces nobody twice.
 * Three statements whatever the number of councils or dates.
 */
@Injectable()
@HandlesJob(JobName.ReadinessScan)
export class ReadinessScanHandler implements JobHandler<JobName.ReadinessScan> {
  private readonly log = new Logger(ReadinessScanHandler.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async handle(): Promise<{ snapshots: number; notices: number }> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const snapshots: unknown[] = await m.query(
        `WITH ${readinessCtes(`cd.date >= ${TODAY_SQL}`)}
         INSERT INTO readiness_snapshots (critical_date_id, taken_on, ready, at_risk, not_ready)
         SELECT cd.id, ${TODAY_SQL},
                count(r.council_id) FILTER (WHERE r.status = 'ready'),
                count(r.council_id) FILTER (WHERE r.status = 'at_risk'),
                count(r.council_id) FILTER (WHERE r.status = 'not_ready')
           FROM critical_dates cd LEFT JOIN readiness r ON r.date_id = cd.id
          WHERE cd.date >= ${TODAY_SQL}
          GROUP BY cd.id
         ON CONFLICT (critical_date_id, taken_on) DO UPDATE
            SET ready = EXCLUDED.ready, at_risk = EXCLUDED.at_risk, not_ready = EXCLUDED.not_ready
         RETURNING critical_date_id`,
      );
      const announced: Announced[] = await m.query(
        `WITH ${readinessCtes(DUE_DATES)},
         due AS (
           SELECT cd.id, (SELECT min(l) FROM unnest(cd.lead_times) l
                           WHERE l >= cd.date - ${TODAY_SQL}) AS lead_days
             FROM critical_dates cd WHERE ${DUE_DATES}),
         inserted AS (
           INSERT INTO readiness_notices (critical_date_id, lead_days, council_id, status, reason)
           SELECT r.date_id, due.lead_days, r.council_id, r.status, r.reason
             FROM readiness r JOIN due ON due.id = r.date_id
            WHERE r.status <> 'ready'
           ON CONFLICT DO NOTHING
           RETURNING critical_date_id, lead_days, council_id)
         SELECT cd.id AS date_id, cd.code, cd.name, cd.date::text AS date, i.lead_days,
                array_agg(i.council_id ORDER BY i.council_id) AS council_ids,
                ARRAY(
                  SELECT DISTINCT sup.id FROM adoptions a
                    LEFT JOIN products p ON a.route_type = 'product' AND p.id = a.product_id
                    LEFT JOIN shared_services ss
                           ON a.route_type = 'shared_service' AND ss.id = a.shared_service_id
                    JOIN organisations sup ON sup.id = COALESCE(p.supplier_id, ss.operator_id)
                                          AND sup.type = 'SUPPLIER'
                   WHERE a.council_id = ANY(array_agg(i.council_id))
                     AND a.service_id = ANY(cd.service_ids) AND a.stage <> 'withdrawn'
                   ORDER BY sup.id) AS supplier_ids
           FROM inserted i JOIN critical_dates cd ON cd.id = i.critical_date_id
          GROUP BY cd.id, i.lead_days`,
      );
      for (const a of announced) {
        tx.publish('readiness.lead_time_reached', {
          criticalDateId: a.date_id,
          code: a.code,
          name: a.name,
          date: a.date,
          leadDays: a.lead_days,
          councilIds: a.council_ids,
          supplierIds: a.supplier_ids,
        });
      }
      const notices = announced.reduce((n, a) => n + a.council_ids.length, 0);
      if (notices > 0) {
        await this.audit.record(m, SYSTEM_ACTOR, {
          action: 'readiness.notices_announced',
          entityType: 'readiness',
          entityId: new Date().toISOString().slice(0, 10),
          after: { notices, dates: announced.map((a) => `${a.code}@${a.lead_days}`) },
        });
        this.log.log(`announced lead-time notices to ${notices} council(s)`);
      }
      return { snapshots: snapshots.length, notices };
    });
  }
}
