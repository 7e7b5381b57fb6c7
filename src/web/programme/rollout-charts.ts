import { ADOPTION_STAGES } from '../../adoption/adoption-stage.js';

/**
 * Geometry for the rollout dashboard's charts, drawn on the server as SVG by the view
 * (no client-side chart library): the numbers here are the same figures as the tables
 * beside the charts, only laid out.
 */

/** GOV.UK palette colours per stage (each distinct from its neighbours). */
export const STAGE_COLOURS: Record<string, string> = {
  not_started: '#b1b4b6',
  planning: '#5694ca',
  procurement: '#1d70b8',
  implementation: '#912b88',
  testing: '#f47738',
  live: '#00703c',
  paused: '#d4351c',
  withdrawn: '#505a5f',
};

export interface ServiceRow {
  service: { code: unknown; name: unknown };
  total: number;
  stages: Record<string, number>;
}

export const CHART_WIDTH = 600;
const LABEL = 160;
const ROW = 28;
const BAR = 20;
/** Coordinates to a tenth of a unit: finer is invisible and only makes the page longer. */
const tenth = (n: number) => Math.round(n * 10) / 10;

/** Stacked horizontal bars: one row per service, one segment per stage (width ∝ count). */
export function stackedBars(rows: ServiceRow[]) {
  const plot = CHART_WIDTH - LABEL - 10;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const bars = rows.map((r, i) => {
    let x = LABEL;
    const segments = ADOPTION_STAGES.filter((s) => (r.stages[s] ?? 0) > 0).map((s) => {
      const width = ((r.stages[s] ?? 0) / max) * plot;
      const seg = {
        stage: s,
        count: r.stages[s],
        x: tenth(x),
        width: tenth(width),
        colour: STAGE_COLOURS[s],
      };
      x += width;
      return seg;
    });
    return { label: String(r.service.code), y: i * ROW + 4, textY: i * ROW + 19, segments };
  });
  return { width: CHART_WIDTH, height: Math.max(ROW, rows.length * ROW + 8), barHeight: BAR, bars };
}

/** Horizontal percentage bars (0–100 %), one row per label. */
export function percentBars(rows: { label: string; pct: number }[]) {
  const plot = CHART_WIDTH - LABEL - 60;
  return {
    width: CHART_WIDTH,
    height: Math.max(ROW, rows.length * ROW + 8),
    barHeight: BAR,
    bars: rows.map((r, i) => ({
      label: r.label.length > 24 ? `${r.label.slice(0, 23)}…` : r.label,
      pct: r.pct,
      x: LABEL,
      width: tenth((Math.max(0, Math.min(100, r.pct)) / 100) * plot),
      y: i * ROW + 4,
      textY: i * ROW + 19,
      valueX: tenth(LABEL + (Math.max(0, Math.min(100, r.pct)) / 100) * plot + 6),
    })),
  };
}

/** A line of the live count per month, with the axis range and one dot per month. */
export function trendLine(points: { month: string; live: number }[]) {
  const height = 220;
  const left = 50;
  const right = CHART_WIDTH - 20;
  const top = 20;
  const bottom = height - 40;
  const max = Math.max(1, ...points.map((p) => p.live));
  const step = points.length > 1 ? (right - left) / (points.length - 1) : 0;
  const dots = points.map((p, i) => ({
    month: p.month,
    live: p.live,
    x: tenth(left + i * step),
    y: tenth(bottom - (p.live / max) * (bottom - top)),
  }));
  return {
    width: CHART_WIDTH,
    height,
    left,
    right,
    top,
    bottom,
    max,
    path: dots.map((d) => `${d.x},${d.y}`).join(' '),
    dots,
    labelEvery: Math.max(1, Math.ceil(points.length / 6)),
  };
}
