import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';

/** POST routes that change nothing (validation, previews, test-only probes). */
export const READ_ONLY_POSTS: RegExp[] = [
  /\/standards\/[^/]+\/validate$/,
  /\/preview$/,
  /^\/api\/v1\/test-faults\//,
];

interface Mutation {
  requestId: string;
  route: string;
}

/**
 * Records every successful mutating request a test app serves; `verify` then checks
 * that each left exactly one audit event with its request id. startTestApi wires this
 * into every e2e app, so the whole suite enforces "every mutation is audited".
 */
export class AuditCheck {
  private readonly mutations: Mutation[] = [];

  attach(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', async (req, reply) => {
      const path = req.url.split('?')[0];
      if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method)) return;
      if (!path.startsWith('/api/v1/') || reply.statusCode >= 300) return;
      if (req.method === 'POST' && READ_ONLY_POSTS.some((r) => r.test(path))) return;
      this.mutations.push({ requestId: String(req.id), route: `${req.method} ${path}` });
    });
  }

  /** Throws listing every mutation without exactly one audit event. */
  async verify(db: DataSource): Promise<number> {
    if (this.mutations.length === 0) return 0;
    const rows: { request_id: string; n: number }[] = await db.query(
      `SELECT request_id, count(*)::int AS n FROM audit_events
        WHERE request_id = ANY($1::text[]) GROUP BY request_id`,
      [this.mutations.map((m) => m.requestId)],
    );
    const counts = new Map(rows.map((r) => [r.request_id, r.n]));
    const wrong = this.mutations
      .filter((m) => counts.get(m.requestId) !== 1)
      .map((m) => `${m.route}: ${counts.get(m.requestId) ?? 0} audit events`);
    if (wrong.length > 0)
      throw new Error(`Mutations not audited exactly once:\n${wrong.join('\n')}`);
    return this.mutations.length;
  }
}
