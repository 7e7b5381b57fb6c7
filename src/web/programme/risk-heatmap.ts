import type { Heatmap } from '../../risks/risk-reports.service.js';

/** Light GOV.UK tag tints per RAG: near-black text on them passes AA; the count is the text. */
export const RAG_FILL: Record<string, string> = {
  red: '#f1b1a7',
  amber: '#fbe3a3',
  green: '#cce2d8',
};

const LEFT = 70;
const TOP = 10;
const CELL_W = 84;
const CELL_H = 56;

export interface HeatCell {
  likelihood: number;
  impact: number;
  count: number;
  rag: string;
  href: string;
  selected: boolean;
  x: number;
  y: number;
  fill: string;
}

/**
 * The 5 × 5 heatmap's geometry, drawn as SVG by the view: likelihood up the side (5 at the
 * top), impact along the bottom. Each cell links to the register filtered to it, keeping
 * the other filters (`query` without likelihood, impact and page).
 */
export function heatmapCells(
  heatmap: Heatmap,
  query: Record<string, string>,
  selected: { likelihood?: number; impact?: number },
) {
  const keep = Object.entries(query).filter(
    ([k]) => k !== 'likelihood' && k !== 'impact' && k !== 'page',
  );
  const cells: HeatCell[] = [];
  const rows = heatmap.likelihood.slice().reverse();
  for (const [row, l] of rows.entries()) {
    for (const [col, i] of heatmap.impact.entries()) {
      const params = new URLSearchParams([
        ...keep,
        ['likelihood', String(l)],
        ['impact', String(i)],
      ]);
      const rag = heatmap.rag[l - 1][i - 1];
      cells.push({
        likelihood: l,
        impact: i,
        count: heatmap.counts[l - 1][i - 1],
        rag,
        href: `/programme/risks?${params.toString()}#register`,
        selected: selected.likelihood === l && selected.impact === i,
        x: LEFT + col * CELL_W,
        y: TOP + row * CELL_H,
        fill: RAG_FILL[rag],
      });
    }
  }
  return {
    width: LEFT + 5 * CELL_W + 10,
    height: TOP + 5 * CELL_H + 50,
    cellWidth: CELL_W,
    cellHeight: CELL_H,
    cells,
    /** Axis tick labels: likelihood per row (y centre), impact per column (x centre). */
    rowLabels: rows.map((l, r) => ({ value: l, y: TOP + r * CELL_H + CELL_H / 2 + 5 })),
    colLabels: heatmap.impact.map((i, c) => ({ value: i, x: LEFT + c * CELL_W + CELL_W / 2 })),
    axisY: TOP + 5 * CELL_H + 20,
    axisTitleY: TOP + 5 * CELL_H + 42,
    left: LEFT,
    gridCentreX: LEFT + (5 * CELL_W) / 2,
    gridCentreY: TOP + (5 * CELL_H) / 2,
    /** Rows of the table beside it: likelihood 5 first, counts by impact 1–5. */
    table: rows.map((l) => ({
      likelihood: l,
      cells: heatmap.impact.map((i) => cells.find((c) => c.likelihood === l && c.impact === i)!),
    })),
  };
}
