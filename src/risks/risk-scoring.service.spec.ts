import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { RAGS } from './risk-lifecycle.js';
import { RiskScoring } from './risk-scoring.service.js';

const ENV = {
  DATABASE_URL: 'postgres://x@localhost/db',
  REDIS_URL: 'redis://localhost',
  JWT_SECRET: 'x'.repeat(32),
  DATA_ENCRYPTION_KEY: 'y'.repeat(32),
};
const scoring = (env: Record<string, string> = {}) =>
  new RiskScoring(loadConfig({ ...ENV, ...env }));

describe('RiskScoring', () => {
  it('colours scores with the default thresholds: amber from 5, red from 15', () => {
    const s = scoring();
    expect([1, 4, 5, 14, 15, 25].map((n) => s.rag(n))).toEqual([
      'green',
      'green',
      'amber',
      'amber',
      'red',
      'red',
    ]);
    expect(RiskScoring.score(3, 5)).toBe(15);
  });

  it('follows configured thresholds and review cadences', () => {
    const s = scoring({
      RISK_RAG_AMBER_FROM: '10',
      RISK_RAG_RED_FROM: '20',
      RISK_REVIEW_DAYS_RED: '7',
      RISK_REVIEW_DAYS_AMBER: '21',
      RISK_REVIEW_DAYS_GREEN: '60',
    });
    expect([9, 10, 19, 20].map((n) => s.rag(n))).toEqual(['green', 'amber', 'amber', 'red']);
    const from = new Date('2026-01-01T09:00:00Z');
    expect(s.nextReviewAt(20, from).toISOString()).toBe('2026-01-08T09:00:00.000Z');
    expect(s.nextReviewAt(12, from).toISOString()).toBe('2026-01-22T09:00:00.000Z');
    expect(s.nextReviewAt(4, from).toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('gives each RAG the score range that ragSql and rag agree on', () => {
    const s = scoring({ RISK_RAG_AMBER_FROM: '6', RISK_RAG_RED_FROM: '16' });
    for (let score = 1; score <= 25; score++) {
      const inRange = RAGS.filter((rag) => {
        const [min, max] = s.scoreRange(rag);
        return score >= min && score < max;
      });
      expect({ score, rags: inRange }).toEqual({ score, rags: [s.rag(score)] });
    }
    expect(s.ragSql('r.residual_score')).toBe(
      `CASE WHEN r.residual_score >= 16 THEN 'red' WHEN r.residual_score >= 6 THEN 'amber' ELSE 'green' END`,
    );
  });

  it('refuses thresholds where red does not sit above amber, naming the variable', () => {
    expect(() => scoring({ RISK_RAG_AMBER_FROM: '15', RISK_RAG_RED_FROM: '15' })).toThrow(
      ConfigError,
    );
    expect(() => scoring({ RISK_RAG_AMBER_FROM: '15', RISK_RAG_RED_FROM: '10' })).toThrow(
      /RISK_RAG_RED_FROM/,
    );
    expect(() => scoring({ RISK_REVIEW_DAYS_RED: '0' })).toThrow(/RISK_REVIEW_DAYS_RED/);
  });
});
