import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import type { Rag } from './risk-lifecycle.js';

/** Inclusive lower bounds of amber and red on the 1–25 score scale, and days between reviews. */
export interface RiskScoringSettings {
  amberFrom: number;
  redFrom: number;
  reviewDays: Record<Rag, number>;
}

/**
 * Scores (likelihood × impact), RAG from the configured thresholds and the review cadence
 * per RAG. RAG is derived, never stored, so changing the thresholds re-colours the
 * register at once; `ragSql` gives the same answer inside a query.
 */
@Injectable()
export class RiskScoring {
  readonly settings: RiskScoringSettings;

  constructor(config: AppConfig) {
    this.settings = {
      amberFrom: config.RISK_RAG_AMBER_FROM,
      redFrom: config.RISK_RAG_RED_FROM,
      reviewDays: {
        red: config.RISK_REVIEW_DAYS_RED,
        amber: config.RISK_REVIEW_DAYS_AMBER,
        green: config.RISK_REVIEW_DAYS_GREEN,
      },
    };
  }

  static score(likelihood: number, impact: number): number {
    return likelihood * impact;
  }

  rag(score: number): Rag {
    if (score >= this.settings.redFrom) return 'red';
    return score >= this.settings.amberFrom ? 'amber' : 'green';
  }

  /** When the next review is due after a review (or creation) at `from`. */
  nextReviewAt(score: number, from: Date): Date {
    const days = this.settings.reviewDays[this.rag(score)];
    return new Date(from.getTime() + days * 86_400_000);
  }

  /** Score bounds `[min, maxExclusive)` of a RAG, for filtering on an indexed column. */
  scoreRange(rag: Rag): [number, number] {
    const { amberFrom, redFrom } = this.settings;
    return rag === 'red' ? [redFrom, 26] : rag === 'amber' ? [amberFrom, redFrom] : [1, amberFrom];
  }

  /** The RAG of `column` (a score) as SQL, thresholds inlined as validated integers. */
  ragSql(column: string): string {
    const { amberFrom, redFrom } = this.settings;
    return `CASE WHEN ${column} >= ${redFrom} THEN 'red' WHEN ${column} >= ${amberFrom} THEN 'amber' ELSE 'green' END`;
  }
}
