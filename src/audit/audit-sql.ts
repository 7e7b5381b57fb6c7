/** SQL expressions (over the rows of `from`) for each column of a set-based audit. */
export interface AuditRowsSql {
  /** The actor's label, e.g. a parameter `$5`. */
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  /** A `{ field: { before, after } }` jsonb object, as AuditService.record writes. */
  changes: string;
  /** The CTE (or table) whose every row is one audited change. */
  from: string;
}

/**
 * Audit events for a set-based change, written by the same statement as the change (a
 * data-modifying CTE: `audit AS (${auditEventsFromRows(…)})`), one event per row of
 * `from`. With AuditService.record, the only writer of `audit_events`: its columns are
 * named here and there, nowhere else.
 */
export function auditEventsFromRows(a: AuditRowsSql): string {
  return `INSERT INTO audit_events (actor_label, action, entity_type, entity_id, changes)
         SELECT ${a.actorLabel}, ${a.action}, ${a.entityType}, ${a.entityId}, ${a.changes}
           FROM ${a.from} RETURNING entity_id`;
}
