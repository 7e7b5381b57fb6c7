import { type Actor, isTenantScoped } from '../auth/actor.js';
import type { SqlParams } from '../common/sql/sql-params.js';

/**
 * Groups a caller may read, as SQL over a group id expression: programme staff and agencies
 * read every group; a supplier or council only the groups it sits in. Null when all.
 */
export function memberOfGroupSql(actor: Actor, p: SqlParams, groupId: string): string | null {
  if (!isTenantScoped(actor)) return null;
  return `EXISTS (SELECT 1 FROM governance_group_members gm
                   WHERE gm.group_id = ${groupId} AND gm.organisation_id = ${p.add(actor.organisationId)})`;
}

export const GROUP_SELECT = `SELECT g.id, g.name, g.description, g.version,
    coalesce((SELECT json_agg(json_build_object('organisationId', o.id, 'name', o.name,
              'type', o.type, 'role', gm.role)
              ORDER BY array_position(ARRAY['chair','member','observer'], gm.role), o.name)
         FROM governance_group_members gm JOIN organisations o ON o.id = gm.organisation_id
        WHERE gm.group_id = g.id), '[]'::json) AS members
  FROM governance_groups g`;

/** A meeting with its group name, actions and the decisions taken at it, as one row. */
export const meetingSelect = (decisionsVisible: string | null) => `SELECT mt.id, mt.group_id,
    g.name AS group_name, mt.title, mt.starts_at, mt.agenda_items, mt.attendees, mt.minutes,
    mt.version,
    coalesce((SELECT json_agg(json_build_object('id', a.id, 'title', a.title, 'owner', a.owner,
              'dueDate', a.due_date::text, 'status', a.status,
              'overdue', a.status = 'open' AND a.due_date < current_date, 'version', a.version)
              ORDER BY a.due_date, a.created_at, a.id)
         FROM meeting_actions a WHERE a.meeting_id = mt.id), '[]'::json) AS actions,
    coalesce((SELECT json_agg(json_build_object('id', d.id, 'title', d.title, 'status', d.status,
              'decidedOn', d.decided_on::text, 'supersedesId', d.supersedes_id,
              'supersededById', d.superseded_by_id) ORDER BY d.created_at, d.id)
         FROM decisions d WHERE d.decided_by_meeting_id = mt.id
          ${decisionsVisible ? `AND ${decisionsVisible}` : ''}), '[]'::json) AS decisions
  FROM meetings mt JOIN governance_groups g ON g.id = mt.group_id`;
