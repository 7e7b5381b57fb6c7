/**
 * SQL predicate: council `o` is in the scope of service `s` — its nation is one of the
 * scope's nations, it is listed, or it belongs to one of the scope's council groups.
 */
export const IN_SCOPE_SQL = (s: string, o: string) =>
  `(${o}.type = 'COUNCIL' AND (${o}.nation = ANY(${s}.scope_nations)
     OR ${o}.id = ANY(${s}.scope_council_ids)
     OR EXISTS (SELECT 1 FROM council_group_members gm
                 WHERE gm.council_id = ${o}.id AND gm.group_id = ANY(${s}.scope_group_ids))))`;

/**
 * Which adoptions to bring in line: of these services; of the services scoped by a
 * council group; or (neither) of every service — optionally for one council only.
 */
export interface ScopeTarget {
  serviceIds?: string[];
  /** Services scoped by this council group. */
  groupId?: string;
  councilId?: string;
}

export interface ScopeOutcome {
  created: number;
  reopened: number;
  withdrawn: number;
}
