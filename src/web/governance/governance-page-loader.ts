import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import type { Actor } from '../../auth/actor.js';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { DecisionsService } from '../../decisions/decisions.service.js';
import { DecisionQueryDto } from '../../decisions/dto/decision-query.dto.js';
import { MeetingQueryDto } from '../../governance/dto/meeting-query.dto.js';
import type { MeetingViewDto } from '../../governance/dto/meeting-view.dto.js';
import { GovernanceService } from '../../governance/governance.service.js';

/** Where a set of governance pages lives: the programme office's, a supplier's, a council's. */
export interface GovernanceBase {
  /** Hub, groups and meetings: `/programme/governance`, `/supplier/governance`, ... */
  base: string;
  /** Decisions: `/programme/decisions` or `<base>/decisions`. */
  decisionsBase: string;
}

export const DECISION_TAG: Record<string, string> = {
  proposed: 'govuk-tag--blue',
  accepted: 'govuk-tag--green',
  superseded: 'govuk-tag--grey',
  revoked: 'govuk-tag--red',
};

export const ACTION_TAG: Record<string, string> = {
  open: 'govuk-tag--blue',
  done: 'govuk-tag--green',
  dropped: 'govuk-tag--grey',
};

/** A meeting with how many of its actions are open and overdue (for the lists). */
const withActionCounts = (m: MeetingViewDto) => ({
  ...m,
  openActions: m.actions.filter((a) => a.status === 'open').length,
  overdueActions: m.actions.filter((a) => a.overdue).length,
});

/**
 * What the governance pages show, read through the governance and decision services with
 * the signed-in user's actor: their visibility rules decide (a meeting, group or decision
 * the user may not read is the 404 page).
 */
@Injectable()
export class GovernancePageLoader {
  constructor(
    private readonly governance: GovernanceService,
    private readonly decisions: DecisionsService,
  ) {}

  async hub(actor: Actor, withDecisions: boolean) {
    const [groups, meetings, decisions] = await Promise.all([
      this.governance.listGroups(actor, plainToInstance(PageQueryDto, { limit: 100 })),
      this.governance.listMeetings(actor, plainToInstance(MeetingQueryDto, { limit: 20 })),
      withDecisions
        ? this.decisions.list(actor, plainToInstance(DecisionQueryDto, { limit: 50 }))
        : Promise.resolve(null),
    ]);
    return {
      groups: groups.data,
      meetings: meetings.data.map(withActionCounts),
      meetingsTotal: meetings.meta.total,
      decisions: decisions?.data ?? [],
      decisionTag: DECISION_TAG,
    };
  }

  async group(actor: Actor, id: string) {
    const group = await this.governance.getGroup(actor, id);
    const meetings = await this.governance.listMeetings(
      actor,
      plainToInstance(MeetingQueryDto, { groupId: id, limit: 100 }),
    );
    return { group, meetings: meetings.data.map(withActionCounts) };
  }

  async meeting(actor: Actor, id: string) {
    const meeting = await this.governance.getMeeting(actor, id);
    return {
      meeting,
      actionTag: ACTION_TAG,
      decisionTag: DECISION_TAG,
      overdueCount: meeting.actions.filter((a) => a.overdue).length,
    };
  }

  async decision(actor: Actor, id: string) {
    const decision = await this.decisions.get(actor, id);
    const labels = await this.decisions.labels(actor, decision);
    return { decision, labels, decisionTag: DECISION_TAG };
  }
}
