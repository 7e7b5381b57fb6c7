/** A server-rendered line chart of a benefit's readings against its baseline→target path. */
export interface ChartPoint {
  date: string;
  value: number;
}

export interface BenefitChart {
  width: number;
  height: number;
  readings: string;
  dots: { x: number; y: number }[];
  path: { x1: number; y1: number; x2: number; y2: number };
  threshold: { y: number } | null;
  axis: { min: number; max: number; from: string; to: string };
}

const W = 600;
const H = 240;
const PAD = 32;
const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
const round = (n: number) => Math.round(n * 10) / 10;

/** Coordinates for an SVG: x by date (baseline date to the later of target or last reading). */
export function benefitChart(
  points: ChartPoint[],
  baseline: ChartPoint,
  target: ChartPoint,
  threshold: number | null,
): BenefitChart {
  const dates = [baseline.date, target.date, ...points.map((p) => p.date)].map(day);
  const values = [
    baseline.value,
    target.value,
    ...points.map((p) => p.value),
    ...(threshold === null ? [] : [threshold]),
  ];
  const [x0, x1] = [Math.min(...dates), Math.max(...dates)];
  let [y0, y1] = [Math.min(...values), Math.max(...values)];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const x = (d: string) => round(PAD + ((day(d) - x0) / Math.max(1, x1 - x0)) * (W - 2 * PAD));
  const y = (v: number) => round(H - PAD - ((v - y0) / (y1 - y0)) * (H - 2 * PAD));
  const dots = points.map((p) => ({ x: x(p.date), y: y(p.value) }));
  return {
    width: W,
    height: H,
    readings: dots.map((d) => `${d.x},${d.y}`).join(' '),
    dots,
    path: { x1: x(baseline.date), y1: y(baseline.value), x2: x(target.date), y2: y(target.value) },
    threshold: threshold === null ? null : { y: y(threshold) },
    axis: {
      min: y0,
      max: y1,
      from: new Date(x0 * 86_400_000).toISOString().slice(0, 10),
      to: new Date(x1 * 86_400_000).toISOString().slice(0, 10),
    },
  };
}
