import type { RequirementView } from './requirement-views.js';

/** The fields that make a requirement "changed" (position alone is not a change). */
export const COMPARED_FIELDS = [
  'title',
  'description',
  'level',
  'category',
  'acceptanceCriteria',
] as const;
type Compared = (typeof COMPARED_FIELDS)[number];
type Content = Pick<RequirementView, 'code' | Compared>;

export interface RequirementDiff {
  added: string[];
  changed: string[];
  removed: string[];
  /** For each changed code, the fields that differ. */
  changes: { code: string; fields: Partial<Record<Compared, { before: string; after: string }>> }[];
}

/** What changed from `base` to `target`, by requirement code, codes sorted. */
export function diffRequirements(base: Content[], target: Content[]): RequirementDiff {
  const before = new Map(base.map((r) => [r.code, r]));
  const after = new Map(target.map((r) => [r.code, r]));
  const diff: RequirementDiff = { added: [], changed: [], removed: [], changes: [] };
  for (const code of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(code);
    const a = after.get(code);
    if (!b) diff.added.push(code);
    else if (!a) diff.removed.push(code);
    else {
      const fields: RequirementDiff['changes'][number]['fields'] = {};
      for (const f of COMPARED_FIELDS) {
        if (b[f] !== a[f]) fields[f] = { before: b[f], after: a[f] };
      }
      if (Object.keys(fields).length > 0) {
        diff.changed.push(code);
        diff.changes.push({ code, fields });
      }
    }
  }
  return diff;
}
