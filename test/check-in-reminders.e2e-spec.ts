import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CheckInRemindersHandler } from '../src/communications/triggers/check-in-reminders.handler.js';
import { uniq, waitForTerminal } from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { SmtpSink } from './support/smtp-sink.js';
import { freePort } from './support/throwaway.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

/**
 * Overdue check-in reminders at the real SMTP test server: a check-in past its due date
 * that the partner has not answered reaches the partner's contacts once, however often the
 * hourly job runs; one the partner has answered, or one not yet due, sends nothing.
 */
describe('check-ins: one reminder to the partner when overdue', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  const smtp = new SmtpSink(0);

  beforeAll(async () => {
    Object.assign(smtp, { port: await freePort() });
    await smtp.start();
    api = await startTestApi();
    worker = await startTestWorker({ SMTP_URL: smtp.url, EMAIL_RATE_PER_SECOND: '0' });
    p = await signInAll(api);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
  });

  const contact = async (path: string, name: string) => {
    const res = await as(api, p.admin)
      .post(path)
      .send({ name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${uniq()}@check-ins.test` });
    expect(res.status).toBe(201);
    return res.body as { email: string };
  };
  const daysFromNow = (d: number) =>
    new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  const checkIn = async (organisationId: string | null, dueOn: string) => {
    const res = await as(api, p.admin).post('/api/v1/check-ins').send({ organisationId, dueOn });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body as { id: string; questions: { code: string; scale: string }[] };
  };

  it("an overdue check-in produces one reminder to the partner's contacts, not one per run", async () => {
    const councilContact = await contact(
      `/api/v1/councils/${p.councilY.organisationId}/contacts`,
      'Chris Council',
    );
    const supplierContact = await contact(
      `/api/v1/suppliers/${p.supplierB.organisationId}/contacts`,
      'Sian Supplier',
    );
    const overdue = await checkIn(p.councilY.organisationId, daysFromNow(-10));
    const answered = await checkIn(p.supplierB.organisationId, daysFromNow(-12));
    const notYet = await checkIn(p.supplierB.organisationId, daysFromNow(5));
    const res = await as(api, p.supplierB)
      .post(`/api/v1/check-ins/${answered.id}/answers`)
      .send({ answers: answered.questions.map((q) => ({ code: q.code, score: 2 })) });
    expect(res.status).toBe(200);

    const handler = worker.app.get(CheckInRemindersHandler);
    // The worker's own hourly schedule may have run first: either way, later runs send nothing.
    await handler.handle();
    expect(await handler.handle()).toEqual({ sent: 0 });
    expect(await handler.handle()).toEqual({ sent: 0 });

    const comms = await api.db.query<{ id: string; dedupe_key: string; topic: string }[]>(
      `SELECT id, dedupe_key, topic FROM communications WHERE dedupe_key = ANY($1)`,
      [[overdue.id, answered.id, notYet.id].map((id) => `check-ins:reminder:${id}`)],
    );
    expect(comms.map((c) => [c.dedupe_key, c.topic])).toEqual([
      [`check-ins:reminder:${overdue.id}`, 'check-in-reminders'],
    ]);
    await waitForTerminal(api.db, comms[0].id);
    const mails = await waitFor(
      async () => (smtp.to(councilContact.email).length ? smtp.to(councilContact.email) : null),
      { timeoutMs: 20000, intervalMs: 100, what: 'check-in reminder' },
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('Reminder: your relationship check-in was due on');
    expect(mails[0].text).toContain(`/council/check-ins/${overdue.id}`);
    expect(mails[0].text).toContain('Dear Chris Council');
    // Another run after delivery still sends nothing more; the supplier got nothing.
    expect(await handler.handle()).toEqual({ sent: 0 });
    expect(smtp.to(councilContact.email)).toHaveLength(1);
    expect(smtp.to(supplierContact.email)).toHaveLength(0);
  });
});
