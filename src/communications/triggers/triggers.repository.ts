import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Notice, ServiceRef } from './trigger-notices.js';

export interface UpcomingRow {
  id: string;
  title: string;
  group_name: string;
  starts_at: string;
  agenda_items: { title: string; owner: string; paperLinks?: string[] }[];
  suppliers: string[];
  councils: string[];
}

export interface OverdueRow {
  id: string;
  organisation_id: string;
  type: 'SUPPLIER' | 'COUNCIL';
  name: string;
  due_on: string;
  questions: number;
}

export interface CouncilsAdoptingRow {
  councils: string[] | null;
  services: string[] | null;
}

/**
 * The triggered communications: what each trigger reads to address its notice (the joins
 * are the notices' concern) and the communication it creates, once per dedupe key.
 */
@Injectable()
export class TriggersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Meetings within `days` whose agenda notices are not sent yet, with their members. */
  async upcomingAgendas(days: number): Promise<UpcomingRow[]> {
    return this.db.query<UpcomingRow[]>(
      `SELECT mt.id, mt.title, g.name AS group_name,
              to_char(mt.starts_at AT TIME ZONE 'Europe/London', 'FMDD Month YYYY "at" HH24:MI') AS starts_at,
              mt.agenda_items,
              coalesce(array_agg(gm.organisation_id ORDER BY gm.organisation_id)
                FILTER (WHERE o.type = 'SUPPLIER'), '{}') AS suppliers,
              coalesce(array_agg(gm.organisation_id ORDER BY gm.organisation_id)
                FILTER (WHERE o.type = 'COUNCIL'), '{}') AS councils
         FROM meetings mt
         JOIN governance_groups g ON g.id = mt.group_id
         JOIN governance_group_members gm ON gm.group_id = mt.group_id
         JOIN organisations o ON o.id = gm.organisation_id
        WHERE mt.starts_at > now()
          AND mt.starts_at <= now() + make_interval(days => $1)
          AND NOT EXISTS (SELECT 1 FROM communications c
                           WHERE c.dedupe_key IN ('governance:agenda:' || mt.id || ':suppliers',
                                                  'governance:agenda:' || mt.id || ':councils'))
        GROUP BY mt.id, g.name`,
      [days],
    );
  }

  /** Overdue check-ins a supplier or council has not answered and not been reminded of. */
  async overdueCheckIns(): Promise<OverdueRow[]> {
    return this.db.query<OverdueRow[]>(
      `SELECT ci.id, ci.organisation_id, o.type, o.name,
              to_char(ci.due_on, 'FMDD Month YYYY') AS due_on,
              jsonb_array_length(qs.questions) AS questions
         FROM check_ins ci
         JOIN organisations o ON o.id = ci.organisation_id
         JOIN check_in_question_sets qs ON qs.id = ci.question_set_id
        WHERE ci.partner_answered_at IS NULL
          AND ci.due_on < current_date
          AND o.type IN ('SUPPLIER', 'COUNCIL')
          AND NOT EXISTS (SELECT 1 FROM communications c
                           WHERE c.dedupe_key = 'check-ins:reminder:' || ci.id)
        ORDER BY ci.due_on, ci.id`,
    );
  }

  async service(id: string): Promise<ServiceRef | undefined> {
    const [row]: ServiceRef[] = await this.db.query(
      `SELECT code, name FROM services WHERE id = $1`,
      [id],
    );
    return row;
  }

  /** The councils adopting the product (for the service, if given) and those services. */
  async councilsAdopting(
    productId: string,
    serviceId: string | null,
  ): Promise<CouncilsAdoptingRow | undefined> {
    const [row]: CouncilsAdoptingRow[] = await this.db.query(
      `SELECT array_agg(DISTINCT a.council_id) AS councils,
              array_agg(DISTINCT s.name ORDER BY s.name) AS services
         FROM adoptions a JOIN services s ON s.id = a.service_id
        WHERE a.route_type = 'product' AND a.product_id = $1
          AND ($2::uuid IS NULL OR a.service_id = $2) AND a.stage <> 'withdrawn'`,
      [productId, serviceId],
    );
    return row;
  }

  /** The triggered communication, sending now; its id, or undefined when the key exists. */
  async addTriggered(m: EntityManager, n: Notice): Promise<string | undefined> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO communications (kind, subject_template, body_template, topic, mandatory,
                                   audience, channels, status, send_at, acknowledge_by,
                                   context, dedupe_key, created_by)
       VALUES ('triggered', $1, $2, $3, $8, $4, '{email,webhook}', 'sending', now(), $5,
               $6, $7, 'system')
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        n.subjectTemplate,
        n.bodyTemplate,
        n.topic,
        JSON.stringify(n.audience),
        n.acknowledgeBy,
        JSON.stringify({ notice: n.notice }),
        n.dedupeKey,
        n.mandatory ?? true,
      ],
    );
    return row?.id;
  }

  /** The notice history (readiness_notices) names the communication that carried it. */
  async linkReadinessNotices(
    m: EntityManager,
    communicationId: string,
    criticalDateId: string,
    leadDays: number,
    councilIds: string[],
  ): Promise<void> {
    await m.query(
      `UPDATE readiness_notices SET communication_id = $1
        WHERE critical_date_id = $2 AND lead_days = $3 AND council_id = ANY($4::uuid[])
          AND communication_id IS NULL`,
      [communicationId, criticalDateId, leadDays, councilIds],
    );
  }
}
