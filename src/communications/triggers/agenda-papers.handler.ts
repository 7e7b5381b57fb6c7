import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { JobName } from '../../queue/job-registry.js';
import type { Notice } from './trigger-notices.js';
import { TriggeredCommunications } from './triggered-communications.service.js';
import { TriggersRepository } from './triggers.repository.js';

export const AGENDA_PAPERS = {
  subject: 'Agenda and papers: {{notice.meetingTitle}} ({{notice.startsAt}})',
  body: `Dear {{contact.name}},

{{notice.groupName}} meets on {{notice.startsAt}}: {{notice.meetingTitle}}.

Agenda and papers:
{{notice.agenda}}

Acknowledge receipt: {{ackLink}}

Programme Office`,
};

/**
 * Agenda and papers to the contacts of a governance group's supplier and council members,
 * `GOVERNANCE_AGENDA_DAYS_BEFORE` days before the meeting (worker, hourly). Sent once per
 * meeting and recipient kind: the dedupe key `governance:agenda:<meeting>:<kind>` is taken
 * by the first run, so later runs (and concurrent ones) send nothing more. Members without
 * contacts (programme office, agencies) receive nothing by email.
 */
@Injectable()
@HandlesJob(JobName.AgendaPapers)
export class AgendaPapersHandler implements JobHandler<JobName.AgendaPapers> {
  constructor(
    private readonly triggers: TriggersRepository,
    private readonly config: AppConfig,
    private readonly triggered: TriggeredCommunications,
  ) {}

  async handle(): Promise<{ sent: number }> {
    const rows = await this.triggers.upcomingAgendas(this.config.GOVERNANCE_AGENDA_DAYS_BEFORE);
    let sent = 0;
    for (const r of rows) {
      const agenda = r.agenda_items
        .map((a, i) =>
          [`${i + 1}. ${a.title} (${a.owner})`, ...(a.paperLinks ?? []).map((l) => `   ${l}`)].join(
            '\n',
          ),
        )
        .join('\n');
      const base = {
        topic: 'governance',
        subjectTemplate: AGENDA_PAPERS.subject,
        bodyTemplate: AGENDA_PAPERS.body,
        notice: { meetingTitle: r.title, groupName: r.group_name, startsAt: r.starts_at, agenda },
        acknowledgeBy: null,
      };
      const notices: Notice[] = [
        ...(r.suppliers.length
          ? [
              {
                ...base,
                dedupeKey: `governance:agenda:${r.id}:suppliers`,
                audience: { supplierIds: r.suppliers },
              },
            ]
          : []),
        ...(r.councils.length
          ? [
              {
                ...base,
                dedupeKey: `governance:agenda:${r.id}:councils`,
                audience: { recipients: 'councils' as const, councilIds: r.councils },
              },
            ]
          : []),
      ];
      for (const n of notices) if (await this.triggered.send(n, 'meeting.agenda_due')) sent++;
    }
    return { sent };
  }
}
