import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { createDraft, createSupplier, uniq, waitForTerminal } from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { SmtpSink } from './support/smtp-sink.js';
import { freePort } from './support/throwaway.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';

const RATE = 4;
const CONTACTS = 12;

/** The per-channel rate limit (BullMQ limiter from EMAIL_RATE_PER_SECOND), on its own queues. */
describe('communications: per-channel rate limit', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  let smtp: SmtpSink;
  const prefix = `{ptrack-rate-${uniq()}}`;

  beforeAll(async () => {
    smtp = new SmtpSink(await freePort());
    await smtp.start();
    api = await startTestApi({ QUEUE_PREFIX: prefix });
    worker = await startTestWorker({
      QUEUE_PREFIX: prefix,
      SMTP_URL: smtp.url,
      EMAIL_RATE_PER_SECOND: String(RATE),
    });
    p = await signInAll(api);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
    const redis = new Redis(process.env.REDIS_URL!);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it(`sends at most ${RATE} emails a second`, async () => {
    const topic = `rate-${uniq()}`;
    const s = await createSupplier(api, p.admin, {
      name: `Rated Mail ${uniq()}`,
      contacts: Array.from({ length: CONTACTS }, (_, i) => ({ name: `R${i}`, topics: [topic] })),
    });
    const id = await createDraft(api, p.admin, {
      subjectTemplate: 'Rated',
      bodyTemplate: 'Hello {{contact.name}}',
      topic,
      audience: { supplierIds: [s.id] },
      channels: ['email'],
    });
    await as(api, p.admin).post(`/api/v1/communications/${id}/send`).send({});
    const rows = await waitForTerminal(api.db, id);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    const [span] = await api.db.query(
      `SELECT extract(epoch FROM max(delivered_at) - min(delivered_at)) * 1000 AS ms
         FROM deliveries WHERE communication_id = $1`,
      [id],
    );
    expect(Number(span.ms)).toBeGreaterThanOrEqual((CONTACTS / RATE - 1) * 1000 - 250);
  });
});
