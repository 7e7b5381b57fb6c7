import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { SupplierDigestHandler } from '../src/communications/handlers/supplier-digest.handler.js';
import type {
  DomainEventEnvelope,
  DomainEventPayloads,
  DomainEventType,
} from '../src/queue/domain-event-registry.js';
import { DomainEventHandler } from '../src/queue/handlers/domain-event.handler.js';
import { UnitOfWork } from '../src/queue/unit-of-work.service.js';
import { createSupplier, deliveriesOf, uniq, waitForTerminal } from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { insertProduct, publishedSetId, serviceIdByCode } from './support/programme-fixtures.js';
import { SmtpSink } from './support/smtp-sink.js';
import { freePort } from './support/throwaway.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

/**
 * Triggered communications: domain events become mandatory notices sent through the
 * ordinary fan-out (real SMTP server, real webhook receiver), once per event however often
 * the event is delivered; and the weekly digest's outstanding items.
 */
describe('communications: triggered notices and digest items', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  const smtp = new SmtpSink(0);
  const receiver = new WebhookReceiver();
  let admissions: string;

  beforeAll(async () => {
    Object.assign(smtp, { port: await freePort() });
    await smtp.start();
    await receiver.start();
    api = await startTestApi();
    worker = await startTestWorker({
      SMTP_URL: smtp.url,
      EMAIL_RATE_PER_SECOND: '0',
      WEBHOOK_RATE_PER_SECOND: '0',
    });
    p = await signInAll(api);
    admissions = await serviceIdByCode(api.db, 'ADMISSIONS');
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
    await receiver.stop();
  });

  const supplier = (label: string, webhook = false) =>
    createSupplier(api, p.admin, {
      name: `${label} ${uniq()}`,
      // Not subscribed to any notice topic: the notices are mandatory.
      contacts: [{ name: `${label} Lead`, topics: ['unrelated'] }],
      ...(webhook && { webhook: { receiver } }),
    });

  /** The communications a trigger created, by dedupe key prefix. */
  const triggered = async (keyPrefix: string) =>
    await api.db.query<
      { id: string; topic: string; mandatory: boolean; kind: string; audience: object }[]
    >(
      `SELECT id, topic, mandatory, kind, audience FROM communications
        WHERE kind = 'triggered' AND dedupe_key LIKE $1 ORDER BY created_at`,
      [`${keyPrefix}%`],
    );

  const publish = <T extends DomainEventType>(type: T, data: DomainEventPayloads[T]) =>
    api.app.get(UnitOfWork).run(async (tx) => tx.publish(type, data));

  const outboxDone = (id: string) =>
    waitFor(
      async () =>
        (await api.db.query(`SELECT status FROM outbox_messages WHERE id = $1`, [id]))[0]
          ?.status === 'done',
      { what: `outbox ${id} done` },
    );

  it('requirement_set.published → every supplier with a product for that service, listing those products', async () => {
    const http = as(api, p.admin);
    const [{ id: dfe }] = await api.db.query(`SELECT id FROM organisations WHERE code = 'DFE'`);
    const code = `TRG-${uniq().toUpperCase()}`;
    const service = await http.post('/api/v1/services').send({
      code,
      name: `Trigger service ${code}`,
      leadAgencyId: dfe,
      deliveryModel: 'council_delivered',
    });
    expect(service.status).toBe(201);
    const serviceId = service.body.id as string;
    const maker = await supplier('Maker', true);
    const drafter = await supplier('Drafter');
    const bystander = await supplier('Bystander');
    await insertProduct(api.db, { supplierId: maker.id, serviceId, name: 'Maker Suite' });
    await insertProduct(api.db, {
      supplierId: drafter.id,
      serviceId,
      name: 'Drafter Beta',
      status: 'draft',
    });
    await insertProduct(api.db, { supplierId: bystander.id, serviceId: admissions });

    const draft = await http.post(`/api/v1/services/${serviceId}/requirement-sets`).send({
      title: 'Trigger requirements',
      requirements: [1, 2].map((n) => ({
        code: `TRG-00${n}`,
        title: `Requirement ${n}`,
        description: `The system MUST do thing ${n}.`,
        level: 'MUST',
      })),
    });
    expect(draft.status).toBe(201);
    const setId = draft.body.id as string;
    const published = await http
      .post(`/api/v1/requirement-sets/${setId}/publish`)
      .send({ effectiveDate: '2031-04-01' });
    expect(published.status).toBe(200);

    const [c] = await waitFor(
      async () => {
        const rows = await triggered(`trigger:requirement_set.published:${setId}`);
        return rows.length ? rows : null;
      },
      { what: 'the requirement-set notice' },
    );
    expect(c).toMatchObject({ topic: 'requirements', mandatory: true });
    const rows = await waitForTerminal(api.db, c.id);
    expect(rows.map((r) => [r.supplierId, r.channel, r.status]).sort()).toEqual(
      [
        [maker.id, 'email', 'delivered'],
        [maker.id, 'webhook', 'delivered'],
        [drafter.id, 'email', 'delivered'],
      ].sort(),
    );
    const [mail] = smtp.to(maker.contacts[0].email);
    expect(mail.subject).toBe(`Trigger service ${code}: requirements version 1 published`);
    expect(mail.text).toContain(
      `Version 1 of the minimum requirements for Trigger service ${code} (${code}) is published and takes effect on 2031-04-01.`,
    );
    expect(mail.text).toContain('Against the previous version: 2 added, 0 changed, 0 removed.');
    expect(mail.text).toContain('- Maker Suite 1.0 (published)');
    expect(smtp.to(drafter.contacts[0].email)[0].text).toContain('- Drafter Beta 1.0 (draft)');
    expect(smtp.to(bystander.contacts[0].email)).toEqual([]);
    const hook = receiver.at(maker.webhookPath!);
    expect(hook).toHaveLength(1);
    expect(hook[0]).toMatchObject({ verified: true, status: 200 });
  });

  it('certificate.expiring (30 and 7 days) → that supplier, once per certificate and threshold however often delivered', async () => {
    const holder = await supplier('Holder', true);
    const other = await supplier('Other');
    const { productId, certificateId } = await insertProduct(api.db, {
      supplierId: holder.id,
      serviceId: admissions,
      name: 'Holder Admit',
      certificate: 'valid',
      expiresInDays: 30,
    });
    const [{ set_id: setId, expires_at: expiresAt }] = await api.db.query(
      `SELECT requirement_set_id AS set_id, expires_at FROM certificates WHERE id = $1`,
      [certificateId],
    );
    const event = {
      certificateId: certificateId!,
      productId,
      productName: 'Holder Admit',
      supplierId: holder.id,
      serviceId: admissions,
      requirementSetId: setId,
      expiresAt: (expiresAt as Date).toISOString(),
      daysLeft: 30 as const,
    };
    // The same event published twice (an emitter's retry) and its job redelivered.
    const first = await publish('certificate.expiring', event);
    const second = await publish('certificate.expiring', event);
    await outboxDone(first);
    await outboxDone(second);
    const envelope: DomainEventEnvelope<'certificate.expiring'> = {
      type: 'certificate.expiring',
      data: event,
      occurredAt: new Date().toISOString(),
    };
    await worker.app.get(DomainEventHandler).handle(envelope);

    const notices = await triggered(`trigger:certificate.expiring:${certificateId}:30`);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      topic: 'certificates',
      audience: { supplierIds: [holder.id] },
    });
    const rows = await waitForTerminal(api.db, notices[0].id);
    expect(rows.map((r) => [r.contactId, r.channel, r.status]).sort()).toEqual(
      [
        [holder.contacts[0].id, 'email', 'delivered'],
        [null, 'webhook', 'delivered'],
      ].sort(),
    );
    const mails = smtp.to(holder.contacts[0].email);
    expect(mails).toHaveLength(1);
    const [{ name: serviceName }] = await api.db.query(`SELECT name FROM services WHERE id = $1`, [
      admissions,
    ]);
    expect(mails[0].subject).toBe(
      `Certificate expires in 30 days: Holder Admit for ${serviceName}`,
    );
    expect(mails[0].text).toContain(`expires on ${event.expiresAt.slice(0, 10)} (30 days)`);
    expect(receiver.at(holder.webhookPath!)).toHaveLength(1);
    expect(smtp.to(other.contacts[0].email)).toEqual([]);

    // The 7-day threshold is a separate notice.
    await outboxDone(await publish('certificate.expiring', { ...event, daysLeft: 7 }));
    const seven = await triggered(`trigger:certificate.expiring:${certificateId}:7`);
    expect(seven).toHaveLength(1);
    await waitForTerminal(api.db, seven[0].id);
    expect(smtp.to(holder.contacts[0].email).map((m) => m.subject)).toEqual([
      mails[0].subject,
      mails[0].subject.replace('30 days', '7 days'),
    ]);
  });

  it('certificate.reassessment_due and submission.decided → that supplier; a redelivered event sends nothing twice', async () => {
    const holder = await supplier('Reassessed');
    const { productId, certificateId } = await insertProduct(api.db, {
      supplierId: holder.id,
      serviceId: admissions,
      name: 'Reassessed Admit',
      certificate: 'reassessment_due',
    });
    const base = {
      certificateId: certificateId!,
      productId,
      productName: 'Reassessed Admit',
      supplierId: holder.id,
      serviceId: admissions,
      requirementSetId: randomUUID(),
      expiresAt: '2031-12-31T00:00:00.000Z',
    };
    const newSet = randomUUID();
    await outboxDone(
      await publish('certificate.reassessment_due', {
        ...base,
        newRequirementSetId: newSet,
        newVersion: 4,
        deadline: '2031-06-30',
      }),
    );
    const submissionId = randomUUID();
    const decided: DomainEventEnvelope<'submission.decided'> = {
      type: 'submission.decided',
      occurredAt: new Date().toISOString(),
      data: {
        submissionId,
        productId,
        productName: 'Reassessed Admit',
        supplierId: holder.id,
        serviceId: admissions,
        requirementSetId: newSet,
        result: 'changes_requested',
        reason: 'Evidence for ADM-014 is missing.',
        certificateId: null,
      },
    };
    const events = worker.app.get(DomainEventHandler);
    await events.handle(decided);
    await events.handle(decided);

    const [reassess] = await triggered(`trigger:certificate.reassessment_due:${certificateId}:`);
    const submissions = await triggered(`trigger:submission.decided:${submissionId}:`);
    expect(submissions).toHaveLength(1);
    await waitForTerminal(api.db, reassess.id);
    await waitForTerminal(api.db, submissions[0].id);
    const mails = smtp.to(holder.contacts[0].email);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Conformance submission changes requested: Reassessed Admit for /),
        expect.stringMatching(/^Reassessment due by 2031-06-30: Reassessed Admit for /),
      ]),
    );
    const toSubmission = mails.find((m) => m.subject.startsWith('Conformance'))!;
    expect(toSubmission.text).toContain('Evidence for ADM-014 is missing.');
    expect(toSubmission.text).toContain(`/api/v1/conformance-submissions/${submissionId}`);
    expect(mails.find((m) => m.subject.startsWith('Reassessment'))!.text).toContain(
      'Version 4 of the',
    );
    expect(await deliveriesOf(api.db, submissions[0].id)).toHaveLength(1);
    const listed = await as(api, p.viewer).get(
      '/api/v1/communications?kind=triggered&topic=submissions&limit=500',
    );
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((c: { id: string }) => c.id)).toContain(submissions[0].id);
    expect(
      listed.body.data.every(
        (c: { kind: string; topic: string; mandatory: boolean }) =>
          c.kind === 'triggered' && c.topic === 'submissions' && c.mandatory,
      ),
    ).toBe(true);
  });

  it('the weekly digest lists changes requested, certificates due, overdue risk reviews and actions the supplier owns', async () => {
    const busy = await supplier('Busy');
    const due = await insertProduct(api.db, {
      supplierId: busy.id,
      serviceId: admissions,
      name: 'Busy Due',
      certificate: 'reassessment_due',
    });
    await api.db.query(
      `UPDATE certificates SET reassessment_deadline = '2030-01-15' WHERE id = $1`,
      [due.certificateId],
    );
    const soon = await insertProduct(api.db, {
      supplierId: busy.id,
      serviceId: admissions,
      name: 'Busy Soon',
      certificate: 'valid',
      expiresInDays: 10,
    });
    await insertProduct(api.db, {
      supplierId: busy.id,
      serviceId: admissions,
      name: 'Busy Later',
      certificate: 'valid',
      expiresInDays: 100,
    });
    const risk = async (title: string, nextReview: string, status = 'mitigating') => {
      const [row] = await api.db.query(
        `INSERT INTO risks (reference, kind, title, category, scope, supplier_id, owner_organisation_id,
                            treatment, status, escalation_level, inherent_likelihood, inherent_impact,
                            inherent_score, residual_likelihood, residual_impact, residual_score,
                            next_review_at)
         VALUES (next_risk_reference(), 'risk', $1, 'delivery', 'supplier', $2, $2, 'reduce', $3,
                 'local', 3, 3, 9, 3, 3, 9, $4)
         RETURNING id, reference`,
        [title, busy.id, status, nextReview],
      );
      return row as { id: string; reference: string };
    };
    const late = await risk('Late review', '2020-01-01T00:00:00Z');
    const current = await risk('Current review', '2099-01-01T00:00:00Z');
    await risk('Closed long ago', '2020-01-01T00:00:00Z', 'closed');
    await api.db.query(
      `INSERT INTO mitigation_actions (risk_id, title, due_date, status)
       VALUES ($1, 'Hire testers', '2021-02-03', 'open'),
              ($1, 'Done already', '2021-02-03', 'done'),
              ($1, 'Not yet due', '2099-02-03', 'open')`,
      [current.id],
    );

    // Submissions: one sent back for changes (listed), one approved (not listed).
    const setId = await publishedSetId(api.db, admissions);
    const [sentBack] = await api.db.query(
      `INSERT INTO conformance_submissions (product_id, supplier_id, service_id, requirement_set_id,
                                            status, result, round, decided_at)
       VALUES ($1, $2, $3, $4, 'decided', 'changes_requested', 1, '2026-03-04T10:00:00Z'),
              ($1, $2, $3, $4, 'decided', 'approved', 1, '2026-03-05T10:00:00Z')
       RETURNING id`,
      [due.productId, busy.id, admissions, setId],
    );

    await worker.app.get(SupplierDigestHandler).handle();
    const [row] = await api.db.query(
      `SELECT id FROM communications WHERE kind = 'digest' AND dedupe_key LIKE $1`,
      [`digest:${busy.id}:%`],
    );
    const [delivery] = await waitForTerminal(api.db, row.id);
    const mail = smtp.to(busy.contacts[0].email).find((m) => m.deliveryId === delivery.id)!;
    const lines = mail.text.split('\n').filter((l) => l.startsWith('- '));
    const soonDate = (
      await api.db.query(
        `SELECT to_char(expires_at, 'YYYY-MM-DD') AS d FROM certificates WHERE id = $1`,
        [soon.certificateId],
      )
    )[0].d as string;
    expect(lines).toHaveLength(5);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^- Changes requested on 2026-03-04: Busy Due 1\.0 for [^(]+$/),
        `- Action overdue: Hire testers (${current.reference}) (due 2021-02-03)`,
        expect.stringMatching(/^- Certificate expiring: Busy Soon 1\.0 for .+ \(due /),
        expect.stringMatching(/^- Reassessment due: Busy Due 1\.0 for .+ \(due 2030-01-15\)$/),
        `- Review overdue: ${late.reference} Late review (due 2020-01-01)`,
      ]),
    );
    expect(mail.text).toContain(`(due ${soonDate})`);
    expect(mail.text).toContain(`/api/v1/certificates/${due.certificateId}`);
    expect(mail.text).toContain(`/api/v1/risks/${late.id}`);
    expect(mail.text).toContain(`/api/v1/conformance-submissions/${sentBack.id}`);
    expect(mail.text).not.toContain('Busy Later');
    expect(mail.text).not.toContain('Closed long ago');
  });
});
