import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FORWARD_STAGES, STAGE_RANK_SQL, stageRank } from './adoption-lifecycle.js';
import { IN_SCOPE_SQL } from './adoption-scope.js';
import { CERTIFYING_SQL, USABLE_PRODUCT_SQL } from './adoption-queries.js';
import type { AdoptionStage } from './adoption-stage.js';
import { DEFAULT_SPREAD, DEMO_SPREAD, DEMO_STEPS } from './demo-adoption.js';

const DAY_MS = 86_400_000;
const CHUNK = 2000;
const SEED_LABEL = 'seed';
const PROCUREMENT = stageRank('procurement');

interface Fresh {
  id: string;
  council_id: string;
  gss: string;
  service_id: string;
  service_code: string;
  london_shared: string | null;
  products: string[] | null;
  requirements: string[] | null;
}

interface Plan {
  id: string;
  stage: AdoptionStage;
  /** Furthest forward stage reached (rank), for paused and withdrawn too. */
  reached: number;
  path: { from: AdoptionStage | null; to: AdoptionStage; at: string }[];
  enteredAt: string;
  routeType: 'product' | 'shared_service' | null;
  productId: string | null;
  sharedServiceId: string | null;
  targetDates: Partial<Record<AdoptionStage, string>>;
  goLiveDate: string | null;
}

/** A stable number 0..2^32 from text: the same council and service always get the same plan. */
const hash = (text: string): number => createHash('sha256').update(text).digest().readUInt32BE(0);

/**
 * Adoptions: every council × every service whose scope takes it in, at not_started (always,
 * one INSERT … SELECT, nothing inserted twice). The demo programme then spreads the
 * adoptions this run created over stages and routes — London boroughs on the shared
 * admissions service, others on a product holding a certifying certificate for the
 * service when one exists (without one, no further than procurement) — with a backdated
 * history, target dates (some missed), completed steps and a few local variances.
 * Rows that existed before this run are never touched, so seeding twice inserts nothing.
 */
@Injectable()
export class AdoptionSeeder {
  async seedAdoptions(m: EntityManager): Promise<string[]> {
    const rows = await m.query<{ id: string }[]>(
      `INSERT INTO adoptions (council_id, service_id)
       SELECT o.id, s.id FROM organisations o
         JOIN services s ON s.status <> 'retired' AND ${IN_SCOPE_SQL('s', 'o')}
        ORDER BY o.gss_code, s.code
       ON CONFLICT (council_id, service_id) DO NOTHING RETURNING id`,
    );
    return rows.map((r) => r.id);
  }

  async seedDemo(m: EntityManager, now = new Date()): Promise<Record<string, number>> {
    const steps = await m.query<unknown[]>(
      `INSERT INTO success_steps (service_id, stage, title, mandatory, position)
       SELECT s.id, t.stage, t.title, t.mandatory, t.position
         FROM jsonb_to_recordset($1::jsonb) AS t(stage text, title text, mandatory boolean, position int)
         CROSS JOIN services s WHERE s.delivery_model = 'council_delivered'
       ON CONFLICT (service_id, stage, title) DO NOTHING RETURNING id`,
      [JSON.stringify(DEMO_STEPS.map((s, i) => ({ ...s, position: i })))],
    );
    const ids = await this.seedAdoptions(m);
    const counts = { adoptions: ids.length, successSteps: steps.length };
    if (ids.length === 0) return counts;
    const fresh = await this.freshAdoptions(m, ids);
    const plans = this.plan(fresh, await this.dependencyRules(m), now);
    for (let i = 0; i < plans.length; i += CHUNK) {
      await this.apply(m, plans.slice(i, i + CHUNK));
    }
    const history = plans.reduce((n, p) => n + p.path.length + 1, 0);
    const completed = await this.completeSteps(m, plans);
    const variances = await this.seedVariances(m, fresh, plans, now);
    return {
      ...counts,
      adoptionHistory: history,
      adoptionSteps: completed,
      localVariances: variances,
    };
  }

  private async freshAdoptions(m: EntityManager, ids: string[]): Promise<Fresh[]> {
    return await m.query<Fresh[]>(
      `SELECT a.id, a.council_id, o.gss_code AS gss, a.service_id, s.code AS service_code,
              (SELECT ss.id FROM shared_services ss
                 JOIN shared_service_members mm ON mm.shared_service_id = ss.id
                WHERE ss.service_id = a.service_id AND mm.council_id = a.council_id
                  AND ss.name = 'London shared admissions service') AS london_shared,
              (SELECT array_agg(p.id ORDER BY p.id) FROM products p
                WHERE p.status IN ${USABLE_PRODUCT_SQL} AND EXISTS (
                  SELECT 1 FROM certificates c WHERE c.product_id = p.id
                     AND c.service_id = a.service_id AND c.status IN ${CERTIFYING_SQL})) AS products,
              (SELECT array_agg(r.code ORDER BY r.code) FROM requirements r
                 JOIN requirement_sets rs ON rs.id = r.requirement_set_id
                WHERE rs.service_id = a.service_id AND rs.status = 'published') AS requirements
         FROM adoptions a
         JOIN organisations o ON o.id = a.council_id
         JOIN services s ON s.id = a.service_id
        WHERE a.id = ANY($1::uuid[])
        ORDER BY o.gss_code, s.code`,
      [ids],
    );
  }

  /**
   * `depends_on` edges by service code: council-delivered dependencies must be live in
   * the plan itself; shared ones are live when the service is and the council is a member.
   */
  private async dependencyRules(m: EntityManager) {
    const edges = await m.query<
      {
        from_code: string;
        to_code: string;
        delivery_model: string;
        status: string;
        members: string[] | null;
      }[]
    >(
      `SELECT f.code AS from_code, d.code AS to_code, d.delivery_model, d.status,
              (SELECT array_agg(DISTINCT mm.council_id) FROM shared_services ss
                 JOIN shared_service_members mm ON mm.shared_service_id = ss.id
                WHERE ss.service_id = d.id) AS members
         FROM service_relationships r
         JOIN services f ON f.id = r.from_service_id
         JOIN services d ON d.id = r.to_service_id
        WHERE r.type = 'depends_on'`,
    );
    return edges.map((e) => ({ ...e, members: new Set(e.members ?? []) }));
  }

  private plan(
    fresh: Fresh[],
    deps: Awaited<ReturnType<AdoptionSeeder['dependencyRules']>>,
    now: Date,
  ): Plan[] {
    const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
    const iso = (d: Date) => d.toISOString();
    const date = (d: Date) => d.toISOString().slice(0, 10);
    const liveOf = new Set<string>();
    const stageOf = (f: Fresh): AdoptionStage => {
      const bucket = hash(`${f.gss}|${f.service_code}|stage`) % 100;
      const spread = DEMO_SPREAD[f.service_code] ?? DEFAULT_SPREAD;
      let stage = spread.find(([, bound]) => bucket < bound)?.[0] ?? 'not_started';
      const routable = (f.service_code === 'ADMISSIONS' && f.london_shared) || f.products?.length;
      if (!routable && stageRank(stage) > PROCUREMENT) stage = 'procurement';
      return stage;
    };
    // Pass 1: stages; pass 2: a live adoption whose dependency is not live steps back to testing.
    const stages = new Map(fresh.map((f) => [f.id, stageOf(f)]));
    for (const f of fresh)
      if (stages.get(f.id) === 'live') liveOf.add(`${f.council_id}|${f.service_code}`);
    for (const f of fresh) {
      if (stages.get(f.id) !== 'live') continue;
      const blocked = deps.some(
        (d) =>
          d.from_code === f.service_code &&
          (d.delivery_model === 'shared'
            ? !(d.status === 'live' && d.members.has(f.council_id))
            : !liveOf.has(`${f.council_id}|${d.to_code}`)),
      );
      if (blocked) stages.set(f.id, 'testing');
    }
    return fresh.map((f) => {
      const h = hash(`${f.gss}|${f.service_code}|time`);
      const stage = stages.get(f.id)!;
      const reached =
        stage === 'paused'
          ? stageRank('implementation')
          : stage === 'withdrawn'
            ? 1
            : stageRank(stage);
      // Live adoptions went live over the last ~14 months; others entered their stage up to ~7 months ago.
      const enteredDaysAgo = stage === 'live' ? 15 + (h % 420) : 5 + (h % 210);
      const gap = 25 + ((h >>> 8) % 40);
      const path: Plan['path'] = [];
      for (let r = 1; r <= reached; r++) {
        path.push({
          from: FORWARD_STAGES[r - 1],
          to: FORWARD_STAGES[r],
          at: iso(
            day(
              enteredDaysAgo +
                (reached - r) * gap +
                (stage === 'paused' || stage === 'withdrawn' ? gap : 0),
            ),
          ),
        });
      }
      if (stage === 'paused' || stage === 'withdrawn') {
        path.push({ from: FORWARD_STAGES[reached], to: stage, at: iso(day(enteredDaysAgo)) });
      }
      const enteredAt = path.at(-1)?.at ?? iso(day(enteredDaysAgo));
      const targetDates: Plan['targetDates'] = {};
      const missed = (h >>> 16) % 7 === 0;
      // Targets for the stages ahead: in the future, except one in seven missed the next one.
      for (let r = reached + 1; stage !== 'not_started' && r < FORWARD_STAGES.length; r++) {
        const ahead = (r - reached) * gap + 20;
        targetDates[FORWARD_STAGES[r]] = date(
          missed && r === reached + 1 ? day(10 + (h % 40)) : day(-ahead),
        );
      }
      const liveAt = path.find((s) => s.to === 'live')?.at ?? null;
      if (liveAt) targetDates.live = date(day(enteredDaysAgo - ((h >>> 4) % 30) + 10));
      const london = f.service_code === 'ADMISSIONS' ? f.london_shared : null;
      const product = f.products?.length ? f.products[h % f.products.length] : null;
      const routed = reached >= PROCUREMENT && (london || product);
      return {
        id: f.id,
        stage,
        reached,
        path,
        enteredAt,
        routeType: routed ? (london ? 'shared_service' : 'product') : null,
        productId: routed && !london ? product : null,
        sharedServiceId: routed && london ? london : null,
        targetDates,
        goLiveDate: liveAt ? liveAt.slice(0, 10) : null,
      };
    });
  }

  private async apply(m: EntityManager, plans: Plan[]): Promise<void> {
    await m.query(
      `UPDATE adoptions a
          SET stage = t.stage, stage_entered_at = t.entered_at, route_type = t.route_type,
              product_id = t.product_id, shared_service_id = t.shared_service_id,
              target_dates = t.target_dates, go_live_date = t.go_live_date
         FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, stage text, entered_at timestamptz,
              route_type text, product_id uuid, shared_service_id uuid, target_dates jsonb,
              go_live_date date)
        WHERE a.id = t.id`,
      [
        JSON.stringify(
          plans.map((p) => ({
            id: p.id,
            stage: p.stage,
            entered_at: p.enteredAt,
            route_type: p.routeType,
            product_id: p.productId,
            shared_service_id: p.sharedServiceId,
            target_dates: p.targetDates,
            go_live_date: p.goLiveDate,
          })),
        ),
      ],
    );
    const events = plans.flatMap((p) => [
      {
        id: p.id,
        event: 'created',
        from: null,
        to: 'not_started',
        note: "Every council in the service's scope starts at not_started",
        at: new Date(new Date(p.path[0]?.at ?? p.enteredAt).getTime() - 30 * DAY_MS).toISOString(),
      },
      ...p.path.map((s) => ({
        id: p.id,
        event: 'transitioned',
        from: s.from,
        to: s.to,
        note: null,
        at: s.at,
      })),
    ]);
    await m.query(
      `INSERT INTO adoption_history (adoption_id, event, from_stage, to_stage, note, actor_label, occurred_at)
       SELECT t.id, t.event, t.from, t.to, t.note, $2, t.at
         FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, event text, "from" text, "to" text, note text, at timestamptz)`,
      [JSON.stringify(events), SEED_LABEL],
    );
  }

  /** Mandatory and optional steps of every stage passed are done; paused ones stopped mid-way. */
  private async completeSteps(m: EntityManager, plans: Plan[]): Promise<number> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO adoption_steps (adoption_id, step_id, completed_by_label, completed_at)
       SELECT t.id, st.id, $2, t.entered_at
         FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, reached int, entered_at timestamptz)
         JOIN adoptions a ON a.id = t.id
         JOIN success_steps st ON st.service_id = a.service_id
        WHERE ${STAGE_RANK_SQL('st.stage')} < t.reached
           OR (${STAGE_RANK_SQL('st.stage')} = t.reached AND st.position % 2 = 0)
       ON CONFLICT DO NOTHING RETURNING step_id`,
      [
        JSON.stringify(
          plans
            .filter((p) => p.reached > 0)
            .map((p) => ({ id: p.id, reached: p.reached, entered_at: p.enteredAt })),
        ),
        SEED_LABEL,
      ],
    );
    return rows.length;
  }

  /** About one adoption in nine past planning deviates from one requirement. */
  private async seedVariances(m: EntityManager, fresh: Fresh[], plans: Plan[], now: Date) {
    const planOf = new Map(plans.map((p) => [p.id, p]));
    const rows = fresh.flatMap((f) => {
      const h = hash(`${f.gss}|${f.service_code}|variance`);
      const p = planOf.get(f.id)!;
      if (p.reached < PROCUREMENT || h % 9 !== 0 || !f.requirements?.length) return [];
      const code = f.requirements[(h >>> 8) % f.requirements.length];
      const status = ['approved', 'approved', 'proposed', 'rejected'][(h >>> 4) % 4];
      return [
        {
          key: `variance:${f.gss}:${f.service_code}:${code}`,
          id: f.id,
          code,
          status,
          expires: new Date(now.getTime() + (120 + (h % 300)) * DAY_MS).toISOString().slice(0, 10),
          reason:
            status === 'rejected'
              ? 'The national baseline can be met with the current supplier release'
              : null,
        },
      ];
    });
    if (rows.length === 0) return 0;
    const inserted = await m.query<unknown[]>(
      `INSERT INTO local_variances (seed_key, adoption_id, council_id, service_id, requirement_code,
              description, justification, expires_on, status, decision_reason, decided_at)
       SELECT t.key, a.id, a.council_id, a.service_id, t.code,
              'Interim local process instead of ' || t.code || ' until the council''s case management system is replaced',
              'The current contract ends next year; meeting ' || t.code || ' now would mean a second integration',
              t.expires, t.status, t.reason, CASE WHEN t.status <> 'proposed' THEN now() END
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, id uuid, code text, status text, expires date, reason text)
         JOIN adoptions a ON a.id = t.id
       ON CONFLICT (seed_key) WHERE seed_key IS NOT NULL DO NOTHING RETURNING id`,
      [JSON.stringify(rows)],
    );
    return inserted.length;
  }
}
