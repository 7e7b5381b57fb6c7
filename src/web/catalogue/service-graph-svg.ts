import type { RelationshipView, ServiceView } from '../../catalogue/catalogue-views.js';

const BOX_W = 170;
const BOX_H = 36;
const COL_GAP = 90;
const ROW_GAP = 24;
const MARGIN = 12;

export interface GraphNode {
  id: string;
  code: string;
  name: string;
  x: number;
  y: number;
  /** Where the code is written inside the box. */
  textX: number;
  textY: number;
}

export interface GraphEdge {
  type: RelationshipView['type'];
  from: string;
  to: string;
  /** An SVG path from one box to the other (a curve; an arc for boxes in one column). */
  d: string;
}

export interface ServiceGraphDrawing {
  width: number;
  height: number;
  boxWidth: number;
  boxHeight: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Lays the catalogue's relationships out for a server-drawn SVG: only services that take
 * part in a relationship are drawn (the list beside it names every service). Columns are
 * depends_on depth — a service with no dependency in the first column, a service that
 * depends on one in the next — so every depends_on arrow points left, to what is needed
 * first; exchanges_data_with is drawn as a dashed line. depends_on never forms a cycle
 * (the relationships service refuses one), but a guard stops a bad row looping anyway.
 */
export function layOutServiceGraph(
  services: ServiceView[],
  edges: RelationshipView[],
): ServiceGraphDrawing {
  const linked = new Set(edges.flatMap((e) => [e.from.id, e.to.id]));
  const nodes = services.filter((s) => linked.has(s.id));
  const needs = new Map<string, string[]>();
  for (const e of edges) {
    if (e.type !== 'depends_on') continue;
    needs.set(e.from.id, [...(needs.get(e.from.id) ?? []), e.to.id]);
  }
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    const d = Math.max(-1, ...(needs.get(id) ?? []).map((n) => depthOf(n, seen))) + 1;
    depth.set(id, d);
    return d;
  };
  const columns: ServiceView[][] = [];
  for (const s of nodes) {
    const d = depthOf(s.id, new Set());
    (columns[d] ??= []).push(s);
  }
  const placed = new Map<string, GraphNode>();
  columns.forEach((col, c) =>
    col.forEach((s, r) => {
      const x = MARGIN + c * (BOX_W + COL_GAP);
      const y = MARGIN + r * (BOX_H + ROW_GAP);
      placed.set(s.id, {
        id: s.id,
        code: s.code,
        name: s.name,
        x,
        y,
        textX: x + 10,
        textY: y + BOX_H / 2 + 5,
      });
    }),
  );
  const rows = Math.max(0, ...columns.map((c) => c.length));
  return {
    width: Math.max(1, columns.length) * (BOX_W + COL_GAP) - COL_GAP + 2 * MARGIN + 40,
    height: Math.max(1, rows) * (BOX_H + ROW_GAP) - ROW_GAP + 2 * MARGIN,
    boxWidth: BOX_W,
    boxHeight: BOX_H,
    nodes: [...placed.values()],
    edges: edges.map((e) => ({
      type: e.type,
      from: e.from.code,
      to: e.to.code,
      d: pathBetween(placed.get(e.from.id)!, placed.get(e.to.id)!),
    })),
  };
}

/** A curve from the side of `a` facing `b` to the side of `b` facing `a`. */
function pathBetween(a: GraphNode, b: GraphNode): string {
  const ay = a.y + BOX_H / 2;
  const by = b.y + BOX_H / 2;
  if (a.x === b.x) {
    // Same column: an arc out to the right and back.
    const x = a.x + BOX_W;
    const bulge = x + 30 + Math.abs(ay - by) / 6;
    return `M ${x} ${ay} C ${bulge} ${ay}, ${bulge} ${by}, ${x + 4} ${by}`;
  }
  const [ax, bx] = a.x < b.x ? [a.x + BOX_W, b.x - 4] : [a.x, b.x + BOX_W + 4];
  const mid = (ax + bx) / 2;
  return `M ${ax} ${ay} C ${mid} ${ay}, ${mid} ${by}, ${bx} ${by}`;
}
