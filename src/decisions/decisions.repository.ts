import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, isTenantScoped } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { visibleRisksSql } from '../risks/risk-access.js';
import { ID_LINKS } from './decision-references.js';
import { DECISION_SELECT, visibleDecisionsSql } from './decision-sql.js';
import { Decision } from './decision.entity.js';
import { toDecisionSummary, toDecisionView } from './decision-views.js';
import type { DecisionSummaryViewDto } from './dto/decision-summary-view.dto.js';
import type { DecisionViewDto } from './dto/decision-view.dto.js';
import type { DecisionLinksDto } from './dto/decision-links.dto.js';

/** An item a decision links to, named for a page: its id and a label (code and name). */
export interface DecisionLabel {
  id: string;
  label: string;
}

/** The names behind a decision's ids, for its page (one statement). */
export interface DecisionLabels {
  supersedes: DecisionLabel | null;
  supersededBy: DecisionLabel | null;
  meeting: (DecisionLabel & { groupName: string }) | null;
  consulted: DecisionLabel[];
  informed: DecisionLabel[];
  risks: DecisionLabel[];
  services: DecisionLabel[];
  standards: DecisionLabel[];
  localVariances: DecisionLabel[];
  products: DecisionLabel[];
}

/** What a list of linked decisions is keyed by: the uuid array column holding the link. */
export type DecisionLink = 'risk_ids' | 'requirement_ids' | 'service_ids';

/**
 * The decision log's table. Reads decisions as views, each read one statement whatever the
 * number of decisions and links; `where` clauses add their values through the same binder.
 */
@Injectable()
export class DecisionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async views(
    actor: Actor,
    filter: (p: SqlParams) => { where: string[]; rank?: string },
    page?: { limit: number; offset: number },
    m: EntityManager = this.db.manager,
  ): Promise<{ rows: DecisionViewDto[]; total: number }> {
    const p = new SqlParams();
    const { where, rank } = filter(p);
    const visible = visibleDecisionsSql(actor, p);
    const clauses = [...where, ...(visible ? [visible] : [])];
    const sql = `${DECISION_SELECT.replace('SELECT ', 'SELECT count(*) OVER () AS total_count, ')}
      ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
      ORDER BY ${rank ? `${rank} DESC, ` : ''}d.decided_on DESC NULLS LAST, d.created_at DESC, d.id
      ${page ? `LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}` : ''}`;
    const raw = await m.query<Record<string, unknown>[]>(sql, p.values);
    return { rows: raw.map(toDecisionView), total: Number(raw[0]?.total_count ?? 0) };
  }

  async findVisible(actor: Actor, id: string, m?: EntityManager): Promise<DecisionViewDto> {
    const { rows } = await this.views(
      actor,
      (p) => ({ where: [`d.id = ${p.add(id)}`] }),
      undefined,
      m,
    );
    if (!rows[0]) throw ProblemException.notFound('Decision', id);
    return rows[0];
  }

  /** The decisions the actor may read whose `link` array holds `id`, newest first. */
  async linkedTo(actor: Actor, link: DecisionLink, id: string): Promise<DecisionSummaryViewDto[]> {
    const p = new SqlParams();
    const visible = visibleDecisionsSql(actor, p);
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT d.id, d.title, d.status, d.decided_on::text AS decided_on, d.supersedes_id,
              d.superseded_by_id
         FROM decisions d
        WHERE d.${link} @> ARRAY[${p.add(id)}]::uuid[] ${visible ? `AND ${visible}` : ''}
        ORDER BY d.decided_on DESC NULLS LAST, d.created_at DESC, d.id`,
      p.values,
    );
    return rows.map(toDecisionSummary);
  }

  /**
   * The names of what a decision links to, for its page, in one statement. The decisions
   * it supersedes or was superseded by are named only when the actor may read them; a
   * supplier or council sees no risk or local variance names (those have their own rules).
   */
  async labels(actor: Actor, d: DecisionViewDto): Promise<DecisionLabels> {
    const p = new SqlParams();
    const visible = visibleDecisionsSql(actor, p, 'x');
    const tenant = isTenantScoped(actor);
    const list = (ids: string[], sql: (ref: string) => string) =>
      `coalesce((${sql(`${p.add(ids)}::uuid[]`)}), '[]'::json)`;
    const decision = (id: string | null) =>
      `(SELECT json_build_object('id', x.id, 'label', x.title) FROM decisions x
         WHERE x.id = ${p.add(id)}::uuid ${visible ? `AND ${visible}` : ''})`;
    const [row] = await this.db.query<Record<string, unknown>[]>(
      `SELECT ${decision(d.supersedesId)} AS supersedes,
              ${decision(d.supersededById)} AS superseded_by,
              (SELECT json_build_object('id', mt.id, 'label', mt.title, 'groupName', g.name)
                 FROM meetings mt JOIN governance_groups g ON g.id = mt.group_id
                WHERE mt.id = ${p.add(d.decidedByMeetingId)}::uuid) AS meeting,
              ${list(d.consultedOrganisationIds, (r) => `SELECT json_agg(json_build_object('id', o.id, 'label', o.name) ORDER BY o.name) FROM organisations o WHERE o.id = ANY(${r})`)} AS consulted,
              ${list(d.informedOrganisationIds, (r) => `SELECT json_agg(json_build_object('id', o.id, 'label', o.name) ORDER BY o.name) FROM organisations o WHERE o.id = ANY(${r})`)} AS informed,
              ${list(tenant ? [] : d.riskIds, (r) => `SELECT json_agg(json_build_object('id', k.id, 'label', k.reference || ' ' || k.title) ORDER BY k.reference) FROM risks k WHERE k.id = ANY(${r})`)} AS risks,
              ${list(d.serviceIds, (r) => `SELECT json_agg(json_build_object('id', s.id, 'label', s.name || ' (' || s.code || ')') ORDER BY s.code) FROM services s WHERE s.id = ANY(${r})`)} AS services,
              ${list(d.standardIds, (r) => `SELECT json_agg(json_build_object('id', s.id, 'label', s.name || ' (' || s.code || ' ' || s.version || ')') ORDER BY s.code, s.version) FROM standards s WHERE s.id = ANY(${r})`)} AS standards,
              ${list(tenant ? [] : d.localVarianceIds, (r) => `SELECT json_agg(json_build_object('id', v.id, 'label', c.name || ': ' || v.requirement_code) ORDER BY c.name, v.requirement_code) FROM local_variances v JOIN organisations c ON c.id = v.council_id WHERE v.id = ANY(${r})`)} AS local_variances,
              ${list(d.productIds, (r) => `SELECT json_agg(json_build_object('id', pr.id, 'label', pr.name) ORDER BY pr.name) FROM products pr WHERE pr.id = ANY(${r})`)} AS products`,
      p.values,
    );
    return {
      supersedes: row.supersedes as DecisionLabel | null,
      supersededBy: row.superseded_by as DecisionLabel | null,
      meeting: row.meeting as DecisionLabels['meeting'],
      consulted: row.consulted as DecisionLabel[],
      informed: row.informed as DecisionLabel[],
      risks: row.risks as DecisionLabel[],
      services: row.services as DecisionLabel[],
      standards: row.standards as DecisionLabel[],
      localVariances: row.local_variances as DecisionLabel[],
      products: row.products as DecisionLabel[],
    };
  }

  async find(m: EntityManager, id: string): Promise<Decision | null> {
    return m.findOne(Decision, { where: { id } });
  }

  async lockForChange(m: EntityManager, id: string): Promise<Decision | null> {
    return m.findOne(Decision, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async persist(m: EntityManager, decision: Decision): Promise<Decision> {
    return m.save(decision);
  }

  async change(m: EntityManager, id: string, changes: Partial<Decision>): Promise<void> {
    await m.update(Decision, id, changes);
  }

  /**
   * Checks every reference of a decision body in one statement: per uuid-array field the
   * positions of unknown ids, the requirement ids (null when unknown) and whether the
   * meeting exists.
   */
  async linkChecks(
    m: EntityManager,
    dto: DecisionLinksDto & { decidedByMeetingId?: string | null },
  ): Promise<Record<string, unknown>> {
    const p = new SqlParams();
    const checks = ID_LINKS.map(
      ([field, from]) =>
        `(SELECT coalesce(array_agg(x.i - 1 ORDER BY x.i), '{}') FROM unnest(${p.add(
          (dto[field] as string[] | undefined) ?? [],
        )}::uuid[]) WITH ORDINALITY AS x(id, i)
         WHERE NOT EXISTS (SELECT 1 FROM ${from} t.id = x.id)) AS "${field}"`,
    );
    const reqs = dto.requirements ?? [];
    const [row] = await m.query<Record<string, unknown>[]>(
      `SELECT ${checks.join(',\n')},
            (SELECT coalesce(json_agg(q.id ORDER BY r.i), '[]'::json)
               FROM jsonb_array_elements(${p.add(JSON.stringify(reqs))}::jsonb) WITH ORDINALITY AS r(e, i)
               LEFT JOIN requirements q ON q.requirement_set_id = (r.e->>'requirementSetId')::uuid
                    AND q.code = r.e->>'code'
            ) AS requirements,
            (${p.add(dto.decidedByMeetingId ?? null)}::uuid IS NULL OR EXISTS
              (SELECT 1 FROM meetings mt WHERE mt.id = ${p.add(dto.decidedByMeetingId ?? null)}::uuid)) AS meeting`,
      p.values,
    );
    return row;
  }

  /** Whether the risk exists and the actor may read it (risks' own rule). */
  async riskReadable(actor: Actor, riskId: string): Promise<boolean> {
    const p = new SqlParams();
    const id = p.add(riskId);
    const visible = visibleRisksSql(actor, p);
    const sql = `SELECT 1 FROM risks r WHERE r.id = ${id} ${visible ? `AND ${visible}` : ''}`;
    return (await this.db.query<unknown[]>(sql, p.values)).length > 0;
  }

  async serviceExists(serviceId: string): Promise<boolean> {
    const found = await this.db.query<unknown[]>(`SELECT 1 FROM services WHERE id = $1`, [
      serviceId,
    ]);
    return found.length > 0;
  }

  async requirementId(setId: string, code: string): Promise<string | undefined> {
    const [found] = await this.db.query<{ id: string }[]>(
      `SELECT id FROM requirements WHERE requirement_set_id = $1 AND code = $2`,
      [setId, code],
    );
    return found?.id;
  }
}
