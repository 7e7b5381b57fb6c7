import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEMO_RISKS, type DemoRisk } from './demo-risks.js';
import { RiskScoring } from './risk-scoring.service.js';
import { NEXT_RISK_REFERENCE_SQL } from './risks.repository.js';

const DAY_MS = 86_400_000;
const SEED_LABEL = 'seed';

/** A realised demo risk became its issue when the issue was raised. */
const realisedDaysAgo = (r: DemoRisk) =>
  DEMO_RISKS.find((i) => i.key === r.realisedInto)?.createdDaysAgo ?? 0;

/**
 * The demo register (demo programme only): entries with their actions, reviews, score
 * rows and history. Entries carry a seed key and are inserted only when absent, and
 * their children only with them, so a second run inserts nothing and uses no reference.
 * Review dates follow the configured cadence from each entry's last review, so some are
 * overdue, as in a real register.
 */
@Injectable()
export class RisksSeeder {
  constructor(private readonly scoring: RiskScoring) {}

  async seedDemo(m: EntityManager, now = new Date()): Promise<Record<string, number>> {
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString();
    const rows = DEMO_RISKS.map((r, ord) => this.riskRow(r, ord, at));
    const inserted: { id: string; seed_key: string }[] = await m.query(
      `INSERT INTO risks (reference, seed_key, kind, title, description, category, scope,
              supplier_id, council_id, owner_user_id, owner_organisation_id, raised_by_user_id,
              raised_by_organisation_id, treatment, status, escalation_level,
              inherent_likelihood, inherent_impact, inherent_score,
              residual_likelihood, residual_impact, residual_score, last_reviewed_at,
              next_review_at, closure_reason, closed_at, realised_at, created_at, updated_at)
       SELECT ${NEXT_RISK_REFERENCE_SQL}, t.* FROM (
         SELECT t.key, t.kind, t.title, t.description, t.category, t.scope, s.id AS supplier_id,
                c.id AS council_id, u.id AS owner_id, u.organisation_id AS owner_org, u.id AS raised_by,
                u.organisation_id AS raised_by_org, t.treatment, t.status, t.escalation,
                t.il, t.ii, t.il * t.ii AS inherent, t.rl, t.ri, t.rl * t.ri AS residual,
                t.last_reviewed_at, t.next_review_at, t.closure_reason, t.closed_at, t.realised_at,
                t.created_at, t.created_at AS updated_at
           FROM jsonb_to_recordset($1::jsonb) AS t(ord int, key text, kind text, title text,
                description text, category text, scope text, supplier text, council text,
                owner text, treatment text, status text, escalation text, il int, ii int,
                rl int, ri int, last_reviewed_at timestamptz, next_review_at timestamptz,
                closure_reason text, closed_at timestamptz, realised_at timestamptz,
                created_at timestamptz)
           JOIN users u ON u.email = t.owner
           LEFT JOIN organisations s ON s.type = 'SUPPLIER' AND s.name = t.supplier
           LEFT JOIN organisations c ON c.type = 'COUNCIL' AND c.gss_code = t.council
          WHERE NOT EXISTS (SELECT 1 FROM risks r WHERE r.seed_key = t.key)
          ORDER BY t.ord) AS t
       ON CONFLICT (seed_key) WHERE seed_key IS NOT NULL DO NOTHING
       RETURNING id, seed_key`,
      [JSON.stringify(rows)],
    );
    if (inserted.length === 0) return { risks: 0, riskActions: 0, riskReviews: 0 };
    const keys = new Set(inserted.map((r) => r.seed_key));
    const fresh = DEMO_RISKS.filter((r) => keys.has(r.key));
    const ids = inserted.map((r) => r.id);

    await m.query(
      `UPDATE risks issue SET realised_from_id = risk.id
         FROM risks risk, jsonb_to_recordset($1::jsonb) AS t(risk text, issue text)
        WHERE risk.seed_key = t.risk AND issue.seed_key = t.issue AND issue.id = ANY($2::uuid[])`,
      [
        JSON.stringify(
          fresh.filter((r) => r.realisedInto).map((r) => ({ risk: r.key, issue: r.realisedInto })),
        ),
        ids,
      ],
    );
    await m.query(
      `UPDATE risks risk SET realised_issue_id = issue.id
         FROM risks issue WHERE issue.realised_from_id = risk.id AND risk.id = ANY($1::uuid[])`,
      [ids],
    );
    const actions: unknown[] = await m.query(
      `INSERT INTO mitigation_actions (risk_id, title, owner_user_id, due_date, status, completed_at, created_at, updated_at)
       SELECT r.id, t.title, u.id, t.due_date, t.status,
              CASE WHEN t.status = 'done' THEN t.due_date::timestamptz END, r.created_at, r.created_at
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, title text, owner text, due_date date, status text)
         JOIN risks r ON r.seed_key = t.key AND r.id = ANY($2::uuid[])
         LEFT JOIN users u ON u.email = t.owner
       RETURNING id`,
      [
        JSON.stringify(
          fresh.flatMap((r) =>
            r.actions.map((a) => ({
              key: r.key,
              title: a.title,
              owner: a.owner,
              due_date: at(-a.dueInDays).slice(0, 10),
              status: a.status,
            })),
          ),
        ),
        ids,
      ],
    );
    const reviews = fresh.flatMap((r) => this.reviewRows(r, at));
    const reviewed: unknown[] = await m.query(
      `INSERT INTO risk_reviews (risk_id, note, likelihood, impact, residual_score, rag,
              reviewer_label, reviewed_at, next_review_at)
       SELECT r.id, t.note, t.likelihood, t.impact, t.score, t.rag, $3, t.reviewed_at, t.next_review_at
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, note text, likelihood int, impact int,
              score int, rag text, reviewed_at timestamptz, next_review_at timestamptz)
         JOIN risks r ON r.seed_key = t.key AND r.id = ANY($2::uuid[])
       RETURNING id`,
      [JSON.stringify(reviews), ids, SEED_LABEL],
    );
    await this.seedTimeline(m, fresh, ids, at);
    return { risks: inserted.length, riskActions: actions.length, riskReviews: reviewed.length };
  }

  private riskRow(r: DemoRisk, ord: number, at: (d: number) => string) {
    const residual = r.residual[0] * r.residual[1];
    const lastReview = r.reviews.at(-1)?.daysAgo;
    const from = new Date(at(lastReview ?? r.createdDaysAgo));
    return {
      ord,
      key: r.key,
      kind: r.kind,
      title: r.title,
      description: r.description,
      category: r.category,
      scope: r.supplier ? 'supplier' : r.council ? 'council' : 'national',
      supplier: r.supplier ?? null,
      council: r.council ?? null,
      owner: r.owner,
      treatment: r.treatment,
      status: r.status,
      escalation: r.escalation ?? (r.supplier || r.council ? 'local' : 'national'),
      il: r.inherent[0],
      ii: r.inherent[1],
      rl: r.residual[0],
      ri: r.residual[1],
      last_reviewed_at: lastReview === undefined ? null : at(lastReview),
      next_review_at: this.scoring.nextReviewAt(residual, from).toISOString(),
      closure_reason: r.closureReason ?? null,
      closed_at:
        r.status === 'closed' ? at(Math.max(0, (lastReview ?? r.createdDaysAgo) - 1)) : null,
      realised_at: r.realisedInto ? at(realisedDaysAgo(r)) : null,
      created_at: at(r.createdDaysAgo),
    };
  }

  /** The first review set the residual scores; later ones confirmed them. */
  private reviewRows(r: DemoRisk, at: (d: number) => string) {
    const score = r.residual[0] * r.residual[1];
    const changed = r.residual.join() !== r.inherent.join();
    return r.reviews.map((v, i) => ({
      key: r.key,
      note: v.note,
      likelihood: i === 0 && changed ? r.residual[0] : null,
      impact: i === 0 && changed ? r.residual[1] : null,
      score,
      rag: this.scoring.rag(score),
      reviewed_at: at(v.daysAgo),
      next_review_at: this.scoring.nextReviewAt(score, new Date(at(v.daysAgo))).toISOString(),
    }));
  }

  /** Score rows (identification, then the first review's re-scoring) and history events. */
  private async seedTimeline(
    m: EntityManager,
    fresh: DemoRisk[],
    ids: string[],
    at: (d: number) => string,
  ): Promise<void> {
    const scores = fresh.flatMap((r) => {
      const first = r.reviews[0];
      const base = { key: r.key, il: r.inherent[0], ii: r.inherent[1] };
      const created = {
        ...base,
        source: 'created',
        rl: r.inherent[0],
        ri: r.inherent[1],
        at: at(r.createdDaysAgo),
      };
      return first && r.residual.join() !== r.inherent.join()
        ? [
            created,
            {
              ...base,
              source: 'reviewed',
              rl: r.residual[0],
              ri: r.residual[1],
              at: at(first.daysAgo),
            },
          ]
        : [created];
    });
    await m.query(
      `INSERT INTO risk_scores (risk_id, source, inherent_likelihood, inherent_impact, inherent_score,
              residual_likelihood, residual_impact, residual_score, actor_label, recorded_at)
       SELECT r.id, t.source, t.il, t.ii, t.il * t.ii, t.rl, t.ri, t.rl * t.ri, $3, t.at
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, source text, il int, ii int, rl int, ri int, at timestamptz)
         JOIN risks r ON r.seed_key = t.key AND r.id = ANY($2::uuid[])`,
      [JSON.stringify(scores), ids, SEED_LABEL],
    );
    const events = fresh.flatMap((r) => [
      {
        key: r.key,
        event: 'created',
        from: null,
        to: 'identified',
        note: null,
        at: at(r.createdDaysAgo),
      },
      ...r.reviews.map((v) => ({
        key: r.key,
        event: 'reviewed',
        from: null,
        to: null,
        note: v.note,
        at: at(v.daysAgo),
      })),
      ...(r.status === 'identified'
        ? []
        : [
            {
              key: r.key,
              event: r.status === 'realised' ? 'realised' : 'transitioned',
              from: 'identified',
              to: r.status,
              note: r.closureReason ?? (r.realisedInto ? 'Became an issue' : null),
              at: at(
                r.realisedInto
                  ? realisedDaysAgo(r)
                  : r.status === 'closed'
                    ? Math.max(0, (r.reviews.at(-1)?.daysAgo ?? r.createdDaysAgo) - 1)
                    : r.createdDaysAgo - 1,
              ),
            },
          ]),
    ]);
    await m.query(
      `INSERT INTO risk_history (risk_id, event, from_status, to_status, note, actor_label, occurred_at)
       SELECT r.id, t.event, t.from_status, t.to_status, t.note, $3, t.at
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, event text, from_status text, to_status text, note text, at timestamptz)
         JOIN risks r ON r.seed_key = t.key AND r.id = ANY($2::uuid[])`,
      [
        JSON.stringify(
          events.map(({ from, to, ...e }) => ({ ...e, from_status: from, to_status: to })),
        ),
        ids,
        SEED_LABEL,
      ],
    );
  }
}
