import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { auditEventsFromRows } from '../audit/audit-sql.js';
import { IN_SCOPE_SQL, type ScopeOutcome, type ScopeTarget } from './adoption-scope.js';

@Injectable()
export class AdoptionScopeRepository {
  /**
   * Brings adoptions in line with service scopes, in one statement (set-based, no loop
   * per council): every council in scope of a (non-retired) target service has an
   * adoption — inserted at not_started, or reopened at not_started when the system had
   * withdrawn it for leaving the scope — and every adoption of a council outside the scope
   * is withdrawn (kept with its history, never deleted). History and audit rows are
   * written in the same statement. Idempotent: a second run changes nothing.
   */
  async reconcile(
    m: EntityManager,
    target: ScopeTarget,
    actorLabel: string,
    cause: string,
  ): Promise<ScopeOutcome> {
    const rows = await m.query<{ kind: string; n: number }[]>(
      `WITH target AS (
         SELECT s.id, s.scope_nations, s.scope_council_ids, s.scope_group_ids FROM services s
          WHERE s.status <> 'retired'
            AND (($1::uuid[] IS NOT NULL AND s.id = ANY($1::uuid[]))
                 OR ($2::uuid IS NOT NULL AND $2::uuid = ANY(s.scope_group_ids))
                 OR ($1::uuid[] IS NULL AND $2::uuid IS NULL))),
       in_scope AS (
         SELECT o.id AS council_id, s.id AS service_id
           FROM target s JOIN organisations o ON ${IN_SCOPE_SQL('s', 'o')}
          WHERE $3::uuid IS NULL OR o.id = $3::uuid),
       upserted AS (
         INSERT INTO adoptions (council_id, service_id)
         SELECT council_id, service_id FROM in_scope ORDER BY council_id, service_id
         ON CONFLICT (council_id, service_id) DO UPDATE
            SET stage = 'not_started', stage_entered_at = now(), scope_withdrawn_at = NULL,
                version = adoptions.version + 1, updated_at = now()
          WHERE adoptions.scope_withdrawn_at IS NOT NULL AND adoptions.stage = 'withdrawn'
         RETURNING id, (xmax = 0) AS inserted),
       withdrawn AS (
         UPDATE adoptions a
            SET stage = 'withdrawn', stage_entered_at = now(), scope_withdrawn_at = now(),
                version = a.version + 1, updated_at = now()
           FROM adoptions old
          WHERE old.id = a.id AND a.service_id IN (SELECT id FROM target)
            AND ($3::uuid IS NULL OR a.council_id = $3::uuid)
            AND a.stage <> 'withdrawn'
            AND NOT EXISTS (SELECT 1 FROM in_scope i
                             WHERE i.council_id = a.council_id AND i.service_id = a.service_id)
         RETURNING a.id, old.stage AS from_stage),
       moves AS (
         SELECT id, CASE WHEN inserted THEN 'created' ELSE 'reopened' END AS kind,
                CASE WHEN inserted THEN NULL ELSE 'withdrawn' END AS from_stage,
                'not_started' AS to_stage
           FROM upserted
         UNION ALL
         SELECT id, 'withdrawn', from_stage, 'withdrawn' FROM withdrawn),
       history AS (
         INSERT INTO adoption_history (adoption_id, event, from_stage, to_stage, note, actor_label)
         SELECT id, CASE WHEN kind = 'created' THEN 'created' ELSE 'transitioned' END,
                from_stage, to_stage,
                CASE kind WHEN 'created' THEN 'The council is in the service''s scope (' || $5 || ')'
                          WHEN 'reopened' THEN 'The council is back in the service''s scope (' || $5 || ')'
                          ELSE 'The council left the service''s scope (' || $5 || ')' END,
                $4
           FROM moves RETURNING adoption_id),
       audit AS (${auditEventsFromRows({
         actorLabel: '$4',
         action: `'adoption.' || kind`,
         entityType: `'adoption'`,
         entityId: 'id::text',
         changes: `jsonb_build_object(
                  'stage', jsonb_build_object('before', from_stage, 'after', to_stage),
                  'cause', jsonb_build_object('before', null, 'after', $5::text))`,
         from: 'moves',
       })})
       SELECT kind, count(*)::int AS n FROM moves GROUP BY kind`,
      [
        target.serviceIds ?? null,
        target.groupId ?? null,
        target.councilId ?? null,
        actorLabel,
        cause,
      ],
    );
    const n = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
    return { created: n('created'), reopened: n('reopened'), withdrawn: n('withdrawn') };
  }
}
