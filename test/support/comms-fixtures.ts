import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { as, type Principal } from './principals.js';
import type { TestApi } from './test-app.js';
import { waitFor } from './wait.js';
import type { WebhookReceiver } from './webhook-receiver.js';

export interface ContactSpec {
  name: string;
  topics: string[];
  active?: boolean;
  email?: string;
}

export interface SupplierFixture {
  id: string;
  name: string;
  contacts: { id: string; name: string; email: string }[];
  webhookPath: string | null;
}

/** A short unique slug for names, emails and topics of one test. */
export const uniq = () => randomUUID().slice(0, 8);

/**
 * A supplier created through the api as a programme admin: onboarding status, contacts,
 * and optionally a webhook pointing at the receiver (whose secret the receiver learns).
 */
export async function createSupplier(
  api: TestApi,
  admin: Principal,
  spec: {
    name: string;
    status?: 'active' | 'invited' | 'not_invited';
    contacts: ContactSpec[];
    webhook?: { receiver: WebhookReceiver; script?: number[] };
  },
): Promise<SupplierFixture> {
  const http = as(api, admin);
  const created = await http.post('/api/v1/suppliers').send({ name: spec.name });
  if (created.status !== 201) throw new Error(`supplier: ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const status = spec.status ?? 'active';
  if (status !== 'not_invited') await http.post(`/api/v1/suppliers/${id}/invite`).send({});
  if (status === 'active') await http.post(`/api/v1/suppliers/${id}/activate`).send({});
  const contacts = [];
  for (const c of spec.contacts) {
    const email = c.email ?? `${c.name.toLowerCase().replace(/\W+/g, '.')}.${uniq()}@supplier.test`;
    const res = await http
      .post(`/api/v1/suppliers/${id}/contacts`)
      .send({ name: c.name, email, topics: c.topics, active: c.active ?? true });
    if (res.status !== 201) throw new Error(`contact: ${JSON.stringify(res.body)}`);
    contacts.push({ id: res.body.id as string, name: c.name, email: res.body.email as string });
  }
  let webhookPath: string | null = null;
  if (spec.webhook) {
    webhookPath = `/hooks/${id}`;
    const res = await http
      .put(`/api/v1/suppliers/${id}/webhook`)
      .send({ url: spec.webhook.receiver.url(webhookPath) });
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`webhook: ${JSON.stringify(res.body)}`);
    spec.webhook.receiver.register(webhookPath, res.body.secret as string, spec.webhook.script);
  }
  return { id, name: spec.name, contacts, webhookPath };
}

/** Creates a draft as the admin and returns its id (fails the test on a non-201). */
export async function createDraft(api: TestApi, admin: Principal, body: object): Promise<string> {
  const res = await as(api, admin).post('/api/v1/communications').send(body);
  if (res.status !== 201) throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Deliveries of a communication straight from the database, for assertions. */
export async function deliveriesOf(db: DataSource, communicationId: string) {
  return await db.query<
    {
      id: string;
      contactId: string | null;
      supplierId: string;
      channel: string;
      target: string;
      status: string;
      attempts: number;
      lastError: string | null;
    }[]
  >(
    `SELECT id, contact_id AS "contactId", supplier_id AS "supplierId", channel, target, status,
            attempts, last_error AS "lastError"
       FROM deliveries WHERE communication_id = $1 ORDER BY target, channel`,
    [communicationId],
  );
}

const TERMINAL = ['delivered', 'permanent_failure', 'technical_failure'];

/** Waits until the communication is sent and every delivery is terminal. */
export async function waitForTerminal(db: DataSource, communicationId: string, timeoutMs = 20000) {
  return waitFor(
    async () => {
      const [c] = await db.query(`SELECT status FROM communications WHERE id = $1`, [
        communicationId,
      ]);
      if (c?.status !== 'sent') return null;
      const rows = await deliveriesOf(db, communicationId);
      return rows.every((r) => TERMINAL.includes(r.status)) ? rows : null;
    },
    { timeoutMs, intervalMs: 100, what: `communication ${communicationId} to finish` },
  );
}
