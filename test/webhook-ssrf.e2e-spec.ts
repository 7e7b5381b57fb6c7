import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDraft, createSupplier, uniq, waitForTerminal } from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

/**
 * Server-side request forgery: with private targets not allowed (the production
 * default), a webhook URL must be https and resolve to public addresses — checked when it
 * is saved, and again by the worker at every send (a URL saved earlier, or a host whose
 * DNS answer changed, is refused and nothing is sent).
 */
describe('webhook targets: https and public addresses only in production', () => {
  let strictApi: TestApi;
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    strictApi = await startTestApi({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' });
    api = await startTestApi();
    worker = await startTestWorker({
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false',
      WEBHOOK_RATE_PER_SECOND: '0',
    });
    p = await signInAll(strictApi);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await strictApi.close();
    await receiver.stop();
  });

  it('refuses loopback, private, link-local and plain-http URLs when saved', async () => {
    const s = await createSupplier(strictApi, p.admin, {
      name: `Guarded ${uniq()}`,
      contacts: [],
    });
    const put = (url: string) =>
      as(strictApi, p.admin).put(`/api/v1/suppliers/${s.id}/webhook`).send({ url });
    for (const url of [
      'http://93.184.215.14/hook',
      'https://127.0.0.1/hook',
      'https://localhost:8443/hook',
      'https://10.0.0.7/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[::ffff:192.168.0.1]/hook',
    ]) {
      const res = await put(url);
      expect({ url, status: res.status }).toEqual({ url, status: 422 });
      expect(res.body.type).toContain('webhook_target_not_allowed');
    }
    const ok = await put('https://93.184.215.14/hook');
    expect(ok.status).toBe(200);
    expect(ok.body.url).toBe('https://93.184.215.14/hook');
  });

  it('refuses at send time a target that is not public (nothing reaches it)', async () => {
    const topic = `ssrf-${uniq()}`;
    // Saved where private targets are allowed (as a development instance would)...
    const s = await createSupplier(api, p.admin, {
      name: `Rebound ${uniq()}`,
      contacts: [{ name: 'Rae Bound', topics: [topic] }],
      webhook: { receiver },
    });
    const id = await createDraft(api, p.admin, {
      subjectTemplate: 'Hello {{supplier.name}}',
      bodyTemplate: 'Body',
      topic,
      audience: { supplierIds: [s.id] },
      channels: ['webhook'],
    });
    await as(api, p.admin).post(`/api/v1/communications/${id}/send`).send({}).expect(202);
    // ...the production worker checks again before connecting, and refuses.
    const [row] = await waitForTerminal(api.db, id);
    expect(row).toMatchObject({ channel: 'webhook', status: 'permanent_failure', attempts: 1 });
    expect(row.lastError).toMatch(/webhook target refused/);
    expect(receiver.at(s.webhookPath!)).toEqual([]);
  });
});
