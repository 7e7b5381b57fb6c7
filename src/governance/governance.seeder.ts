import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEMO_GROUPS, DEMO_MEETINGS } from './demo-governance.js';

/**
 * Demo governance: the programme board, the supplier forum (six months of meetings) and the
 * technical design authority; the board meeting that took the shared-checker decision is
 * linked to it. Set-based statements, idempotent by seed key.
 */
@Injectable()
export class GovernanceSeeder {
  async seedDemo(m: EntityManager, now = new Date()): Promise<Record<string, number>> {
    const groups: { id: string }[] = await m.query(
      `INSERT INTO governance_groups (seed_key, name, description)
       SELECT t.key, t.name, t.description
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, name text, description text)
       ON CONFLICT DO NOTHING RETURNING id`,
      [JSON.stringify(DEMO_GROUPS)],
    );
    if (groups.length === 0) return { governanceGroups: 0, meetings: 0 };
    const members = DEMO_GROUPS.flatMap((g) =>
      g.members.map(([org, role]) => ({ key: g.key, org, role })),
    );
    await m.query(
      `INSERT INTO governance_group_members (group_id, organisation_id, role)
       SELECT g.id, o.id, t.role
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, org text, role text)
         JOIN governance_groups g ON g.seed_key = t.key
         JOIN organisations o ON o.code = t.org OR o.gss_code = t.org OR o.name = t.org
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(members)],
    );
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const meetings = DEMO_MEETINGS.map((x) => ({
      ...x,
      startsAt: new Date(
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - x.monthsAgo, 10, 10),
      ).toISOString(),
    }));
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO meetings (seed_key, group_id, title, starts_at, agenda_items, attendees, minutes)
       SELECT t.key, g.id, t.title, t."startsAt"::timestamptz, t.agenda, t.attendees, t.minutes
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, "group" text, title text,
              "startsAt" text, agenda jsonb, attendees text[], minutes text)
         JOIN governance_groups g ON g.seed_key = t."group"
       ON CONFLICT DO NOTHING RETURNING id`,
      [JSON.stringify(meetings)],
    );
    const actions = meetings.flatMap((x) =>
      x.actions.map((a) => ({
        key: x.key,
        title: a.title,
        owner: a.owner,
        status: a.status,
        due: day(new Date(now.getTime() + a.dueInDays * 86_400_000)),
      })),
    );
    await m.query(
      `INSERT INTO meeting_actions (meeting_id, title, owner, due_date, status)
       SELECT mt.id, t.title, t.owner, t.due::date, t.status
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, title text, owner text, due text, status text)
         JOIN meetings mt ON mt.seed_key = t.key`,
      [JSON.stringify(actions)],
    );
    await m.query(
      `UPDATE decisions SET decided_by_meeting_id = (SELECT id FROM meetings WHERE seed_key = 'demo-board-1')
        WHERE seed_key = 'demo-dec-02' AND decided_by_meeting_id IS NULL`,
    );
    return {
      governanceGroups: groups.length,
      meetings: inserted.length,
      meetingActions: actions.length,
    };
  }
}
