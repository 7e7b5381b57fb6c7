import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AgendaPapersHandler } from '../src/communications/triggers/agenda-papers.handler.js';
import { uniq, waitForTerminal } from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { SmtpSink } from './support/smtp-sink.js';
import { freePort } from './support/throwaway.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

/**
 * Agenda papers at the real SMTP test server: a meeting inside the notice period reaches the
 * contacts of its group's supplier and council members once, however often the hourly job
 * runs; a meeting further ahead is not sent yet.
 */
describe('governance: agenda and papers to members', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  const smtp = new SmtpSink(0);

  beforeAll(async () => {
    Object.assign(smtp, { port: await freePort() });
    await smtp.start();
    api = await startTestApi();
    worker = await startTestWorker({
      SMTP_URL: smtp.url,
      EMAIL_RATE_PER_SECOND: '0',
      GOVERNANCE_AGENDA_DAYS_BEFORE: '7',
    });
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
      .send({ name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${uniq()}@agenda.test` });
    expect(res.status).toBe(201);
    return res.body as { email: string };
  };
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

  it("agenda papers reach the supplier and council members' contacts once; a later meeting waits", async () => {
    const supplierContact = await contact(
      `/api/v1/suppliers/${p.supplierA.organisationId}/contacts`,
      'Sam Supplier',
    );
    const councilContact = await contact(
      `/api/v1/councils/${p.councilX.organisationId}/contacts`,
      'Cora Council',
    );
    const g = await as(api, p.admin)
      .post('/api/v1/governance-groups')
      .send({
        name: `Supplier forum ${uniq()}`,
        members: [
          { organisationId: p.admin.organisationId, role: 'chair' },
          { organisationId: p.supplierA.organisationId, role: 'member' },
          { organisationId: p.councilX.organisationId, role: 'observer' },
        ],
      });
    expect(g.status).toBe(201);
    const paper = `https://papers.example/forum-${uniq()}.pdf`;
    const soon = await as(api, p.admin)
      .post('/api/v1/meetings')
      .send({
        groupId: g.body.id,
        title: 'Supplier forum: shared checker roadmap',
        startsAt: inDays(3),
        agendaItems: [{ title: 'Roadmap', owner: 'Programme director', paperLinks: [paper] }],
      });
    const later = await as(api, p.admin)
      .post('/api/v1/meetings')
      .send({ groupId: g.body.id, title: 'Later forum', startsAt: inDays(20) });
    expect([soon.status, later.status]).toEqual([201, 201]);

    const handler = worker.app.get(AgendaPapersHandler);
    // The worker's own hourly schedule may have run first: either way, the second run sends nothing.
    await handler.handle();
    expect(await handler.handle()).toEqual({ sent: 0 });

    const comms = await api.db.query<{ id: string; dedupe_key: string; topic: string }[]>(
      `SELECT id, dedupe_key, topic FROM communications WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`,
      [`governance:agenda:%`],
    );
    const mine = comms.filter((c) => c.dedupe_key.includes(soon.body.id));
    expect(mine.map((c) => [c.dedupe_key, c.topic])).toEqual([
      [`governance:agenda:${soon.body.id}:councils`, 'governance'],
      [`governance:agenda:${soon.body.id}:suppliers`, 'governance'],
    ]);
    expect(comms.some((c) => c.dedupe_key.includes(later.body.id))).toBe(false);
    for (const c of mine) await waitForTerminal(api.db, c.id);

    for (const email of [supplierContact.email, councilContact.email]) {
      const mails = await waitFor(async () => (smtp.to(email).length ? smtp.to(email) : null), {
        timeoutMs: 20000,
        intervalMs: 100,
        what: `agenda mail to ${email}`,
      });
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toContain(
        'Agenda and papers: Supplier forum: shared checker roadmap',
      );
      expect(mails[0].text).toContain(paper);
      expect(mails[0].text).toContain('Roadmap (Programme director)');
    }
    // A third run after delivery still sends nothing more.
    expect(await handler.handle()).toEqual({ sent: 0 });
    expect(smtp.to(supplierContact.email)).toHaveLength(1);
  });
});
