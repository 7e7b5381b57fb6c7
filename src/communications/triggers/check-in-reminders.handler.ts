import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { JobName } from '../../queue/job-registry.js';
import type { Notice } from './trigger-notices.js';
import { TriggeredCommunications } from './triggered-communications.service.js';
import { TriggersRepository } from './triggers.repository.js';

export const CHECK_IN_REMINDER = {
  subject: 'Reminder: your relationship check-in was due on {{notice.dueOn}}',
  body: `Dear {{contact.name}},

The programme office asked {{notice.partnerName}} for a relationship health check-in, due on {{notice.dueOn}}. We have not had your answers yet.

It takes about five minutes: {{notice.questions}} questions, each with a score and an optional comment. Your answers help us put right what is not working.

Answer the check-in: {{notice.link}}

Acknowledge receipt: {{ackLink}}

Programme Office`,
};

/**
 * A reminder to the contacts of each partner whose check-in is overdue and whose half is
 * unanswered (worker, hourly; topic `check-in-reminders`). Sent once per check-in: the
 * dedupe key `check-ins:reminder:<check-in>` is taken by the first run, so later runs (and
 * concurrent ones) send nothing more. Suppliers' and councils' contacts receive it;
 * agencies have no contacts, so they see their overdue check-ins in the portal only.
 */
@Injectable()
@HandlesJob(JobName.CheckInReminders)
export class CheckInRemindersHandler implements JobHandler<JobName.CheckInReminders> {
  constructor(
    private readonly triggers: TriggersRepository,
    private readonly config: AppConfig,
    private readonly triggered: TriggeredCommunications,
  ) {}

  async handle(): Promise<{ sent: number }> {
    const rows = await this.triggers.overdueCheckIns();
    let sent = 0;
    for (const r of rows) {
      const path = r.type === 'SUPPLIER' ? 'supplier' : 'council';
      const n: Notice = {
        dedupeKey: `check-ins:reminder:${r.id}`,
        topic: 'check-in-reminders',
        subjectTemplate: CHECK_IN_REMINDER.subject,
        bodyTemplate: CHECK_IN_REMINDER.body,
        audience:
          r.type === 'SUPPLIER'
            ? { supplierIds: [r.organisation_id] }
            : { recipients: 'councils', councilIds: [r.organisation_id] },
        notice: {
          partnerName: r.name,
          dueOn: r.due_on,
          questions: Number(r.questions),
          link: `${this.config.PUBLIC_BASE_URL}/${path}/check-ins/${r.id}`,
        },
        acknowledgeBy: null,
      };
      if (await this.triggered.send(n, 'check_in.overdue')) sent++;
    }
    return { sent };
  }
}
