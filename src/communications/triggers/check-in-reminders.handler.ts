import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { JobName } from '../../queue/job-registry.js';
import type { Notice } from './trigger-notices.js';
import { TriggeredCommunications } from './triggered-communications.service.js';

export const CHECK_IN_REMINDER = {
  subject: 'Reminder: your relationship check-in was due on {{notice.dueOn}}',
  body: `Dear {{contact.name}},

The programme office asked {{notice.partnerName}} for a relationship health check-in, due on {{notice.dueOn}}. We have not had your answers yet.

It takes about five minutes: {{notice.questions}} questions, each with a score and an optional comment. Your answers help us put right what is not working.

Answer the check-in: {{notice.link}}

Acknowledge receipt: {{ackLink}}

Programme Office`,
};

interface OverdueRow {
  id: string;
  organisation_id: string;
  type: 'SUPPLIER' | 'COUNCIL';
  name: string;
  due_on: string;
  questions: number;
}

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly triggered: TriggeredCommunications,
  ) {}

  async handle(): Promise<{ sent: number }> {
    const rows = await this.db.query<OverdueRow[]>(
      `SELECT ci.id, ci.organisation_id, o.type, o.name,
              to_char(ci.due_on, 'FMDD Month YYYY') AS due_on,
              jsonb_array_length(qs.questions) AS questions
         FROM check_ins ci
         JOIN organisations o ON o.id = ci.organisation_id
         JOIN check_in_question_sets qs ON qs.id = ci.question_set_id
        WHERE ci.partner_answered_at IS NULL
          AND ci.due_on < current_date
          AND o.type IN ('SUPPLIER', 'COUNCIL')
          AND NOT EXISTS (SELECT 1 FROM communications c
                           WHERE c.dedupe_key = 'check-ins:reminder:' || ci.id)
        ORDER BY ci.due_on, ci.id`,
    );
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
