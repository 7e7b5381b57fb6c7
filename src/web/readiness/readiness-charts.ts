import { CHART_WIDTH } from '../programme/rollout-charts.js';

/**
 * Geometry for the readiness pages' SVG charts (drawn by the view, no client script): the
 * figures are those of the tables beside the charts, only laid out.
 */

export const READINESS_KEYS = ['ready', 'atRisk', 'notReady'] as const;
export type ReadinessKey = (typeof READINESS_KEYS)[number];

/** GOV.UK palette: green, orange, red — the key and the tables carry the words too. */
export const READINESS_COLOURS: Record<ReadinessKey, string> = {
  ready: '#00703c',
  atRisk: '#f47738',
  notReady: '#d4351c',
};

/** The GOV.UK tag colour of each readiness status (the tag's words say it too). */
export const READINESS_TAG: Record<string, string> = {
  ready: 'govuk-tag--green',
  at_risk: 'govuk-tag--orange',
  not_ready: 'govuk-tag--red',
};

/** Dash patterns so the trend's lines differ by more than colour. */
export const READINESS_DASHES: Record<ReadinessKey, string> = {
  ready: '',
  atRisk: '8 4',
  notReady: '2 4',
};

const LABEL = 170;
const ROW = 28;
const BAR = 20;

type Counts = { key?: string; ready: number; atRisk: number; notReady: number; councils: number };

/** Stacked horizontal bars, one row per nation or region, one segment per status. */
export function readinessBars(rows: Counts[]) {
  const plot = CHART_WIDTH - LABEL - 40;
  const max = Math.max(1, ...rows.map((r) => r.councils));
  return {
    width: CHART_WIDTH,
    height: Math.max(ROW, rows.length * ROW + 8),
    barHeight: BAR,
    bars: rows.map((r, i) => {
      let x = LABEL;
      const label = String(r.key ?? '');
      const segments = READINESS_KEYS.filter((k) => r[k] > 0).map((k) => {
        const width = Math.round((r[k] / max) * plot * 10) / 10;
        const seg = { status: k, count: r[k], x, width, colour: READINESS_COLOURS[k] };
        x += width;
        return seg;
      });
      return {
        label: label.length > 24 ? `${label.slice(0, 23)}…` : label,
        full: label,
        counts: r,
        y: i * ROW + 4,
        textY: i * ROW + 19,
        totalX: x + 6,
        segments,
      };
    }),
  };
}

type TrendPoint = { on: string; daysToGo: number; ready: number; atRisk: number; notReady: number };

/** Three lines (ready, at risk, not ready) over the days to the date, oldest first. */
export function readinessTrend(points: TrendPoint[]) {
  const height = 240;
  const left = 50;
  const right = CHART_WIDTH - 20;
  const top = 20;
  const bottom = height - 44;
  const max = Math.max(1, ...points.flatMap((p) => [p.ready, p.atRisk, p.notReady]));
  const step = points.length > 1 ? (right - left) / (points.length - 1) : 0;
  const x = (i: number) =>
    Math.round((left + (points.length > 1 ? i * step : (right - left) / 2)) * 10) / 10;
  const y = (v: number) => Math.round((bottom - (v / max) * (bottom - top)) * 10) / 10;
  const lines = READINESS_KEYS.map((k) => ({
    status: k,
    colour: READINESS_COLOURS[k],
    dash: READINESS_DASHES[k],
    path: points.map((p, i) => `${x(i)},${y(p[k])}`).join(' '),
    dots: points.map((p, i) => ({ x: x(i), y: y(p[k]) })),
  }));
  return {
    width: CHART_WIDTH,
    height,
    left,
    right,
    top,
    bottom,
    max,
    lines,
    labels: points.map((p, i) => ({ x: x(i), daysToGo: p.daysToGo, on: p.on })),
    labelEvery: Math.max(1, Math.ceil(points.length / 6)),
  };
}
