import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { csvStream, neutraliseFormula } from '../common/csv.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import type { RiskFilterDto, RiskQueryDto, TopRisksQueryDto } from './dto/risk-query.dto.js';
import type { Rag } from './risk-lifecycle.js';
import { RiskReportsRepository } from './risk-reports.repository.js';
import { RiskScoring } from './risk-scoring.service.js';
import { type RiskView, toActionView, toRiskView, utcToday } from './risk-views.js';

const LEVELS = [1, 2, 3, 4, 5];
const DAY_MS = 86_400_000;

export interface Heatmap {
  /** counts[likelihood - 1][impact - 1]: open entries by residual likelihood × impact. */
  counts: number[][];
  /** The RAG of each cell under the configured thresholds, same layout. */
  rag: Rag[][];
  likelihood: number[];
  impact: number[];
  total: number;
}

const CSV_COLUMNS: [header: string, select: string][] = [
  ['reference', 'r.reference'],
  ['kind', 'r.kind'],
  ['title', 'r.title'],
  ['category', 'r.category'],
  ['status', 'r.status'],
  ['scope', 'r.scope'],
  ['service_id', 'r.service_id'],
  ['supplier', 's.name'],
  ['council', 'c.name'],
  ['owner_organisation', 'oo.name'],
  ['owner_user', 'ou.email'],
  ['treatment', 'r.treatment'],
  ['escalation_level', 'r.escalation_level'],
  ['inherent_likelihood', 'r.inherent_likelihood'],
  ['inherent_impact', 'r.inherent_impact'],
  ['inherent_score', 'r.inherent_score'],
  ['residual_likelihood', 'r.residual_likelihood'],
  ['residual_impact', 'r.residual_impact'],
  ['residual_score', 'r.residual_score'],
  ['rag', ''],
  ['last_reviewed_at', 'r.last_reviewed_at'],
  ['next_review_at', 'r.next_review_at'],
  ['review_overdue', `(r.status IN (:...csvOpen) AND r.next_review_at < now())`],
  [
    'open_actions',
    `(SELECT count(*)::int FROM mitigation_actions a WHERE a.risk_id = r.id AND a.status IN (:...csvPending))`,
  ],
  [
    'overdue_actions',
    `(SELECT count(*)::int FROM mitigation_actions a WHERE a.risk_id = r.id AND a.status IN (:...csvPending) AND a.due_date < (now() AT TIME ZONE 'UTC')::date)`,
  ],
  ['realised_from', 'rf.reference'],
  ['realised_issue', 'ri.reference'],
  ['closure_reason', 'r.closure_reason'],
  ['created_at', 'r.created_at'],
  ['updated_at', 'r.updated_at'],
];
const FREE_TEXT = new Set(['title', 'closure_reason']);

/**
 * The register's read models, all aggregated in SQL under the caller's visibility and
 * the shared filters: the 5 × 5 heatmap, top risks, overdue reviews and actions, CSV.
 */
@Injectable()
export class RiskReportsService {
  constructor(
    private readonly reports: RiskReportsRepository,
    private readonly scoring: RiskScoring,
  ) {}

  async heatmap(actor: Actor, f: RiskFilterDto): Promise<Heatmap> {
    const rows = await this.reports.heatmapCells(actor, f, this.scoring);
    const counts = LEVELS.map(() => LEVELS.map(() => 0));
    for (const r of rows) counts[r.likelihood - 1][r.impact - 1] = r.count;
    return {
      counts,
      rag: LEVELS.map((l) => LEVELS.map((i) => this.scoring.rag(l * i))),
      likelihood: LEVELS,
      impact: LEVELS,
      total: rows.reduce((n, r) => n + r.count, 0),
    };
  }

  /** Open entries with the highest residual scores (ties: inherent score, then reference). */
  async top(actor: Actor, q: TopRisksQueryDto): Promise<{ data: RiskView[] }> {
    const { limit, ...filters } = q;
    const rows = await this.reports.top(actor, filters, limit, this.scoring);
    return { data: rows.map((r) => toRiskView(r, this.scoring)) };
  }

  /** Open entries whose next review date has passed, most overdue first. */
  async overdueReviews(actor: Actor, q: RiskQueryDto): Promise<Page<RiskView>> {
    const [rows, total] = await this.reports.overdueReviews(actor, q, this.scoring);
    return toPage(
      rows.map((r) => toRiskView(r, this.scoring)),
      total,
      q,
    );
  }

  /** Open or in-progress actions past their due date, on open entries, oldest due first. */
  async overdueActions(actor: Actor, q: RiskQueryDto) {
    const today = utcToday();
    const [rows, total] = await this.reports.overdueActions(actor, q, this.scoring);
    const data = rows.map((a) => ({
      ...toActionView(a, today),
      daysOverdue: Math.round((Date.parse(today) - Date.parse(a.dueDate)) / DAY_MS),
      risk: {
        id: a.risk.id,
        reference: a.risk.reference,
        title: a.risk.title,
        status: a.risk.status,
        rag: this.scoring.rag(a.risk.residualScore),
        ownerOrganisationId: a.risk.ownerOrganisationId,
      },
    }));
    return toPage(data, total, q);
  }

  /** The register's entries matching the filters, streamed from a cursor as CSV. */
  async csv(actor: Actor, f: RiskFilterDto): Promise<Readable> {
    const rows = await this.reports.csvRows(actor, f, this.scoring, CSV_COLUMNS);
    const headers = CSV_COLUMNS.map(([h]) => h);
    return csvStream(headers, rows, (row: Record<string, unknown>) =>
      headers.map((h) => (FREE_TEXT.has(h) ? neutraliseFormula(row[h] as string | null) : row[h])),
    );
  }
}
