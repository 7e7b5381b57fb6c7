import { createServer, type IncomingMessage, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';

/** One request the receiver got, and whether its signature verified. */
export interface ReceivedHook {
  path: string;
  webhookId: string;
  verified: boolean;
  payload: {
    type: string;
    data: {
      deliveryId: string;
      communicationId: string;
      supplier: { id: string; name: string };
      subject: string;
      body: string;
      acknowledgeUrl: string;
    };
  } | null;
  status: number;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * A real HTTP receiver for supplier webhooks. It verifies signatures with the Standard
 * Webhooks reference implementation (the `standardwebhooks` package), never with the
 * sender's code; an endpoint answers from its script of statuses (then 200), or 401 for a
 * bad signature.
 */
export class WebhookReceiver {
  readonly requests: ReceivedHook[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly scripts = new Map<string, number[]>();
  private server?: Server;
  port = 0;
  /** How long each answer takes (a slow receiver keeps many deliveries in flight). */
  delayMs = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void readBody(req).then((body) => {
        const path = (req.url ?? '/').split('?')[0];
        const secret = this.secrets.get(path);
        let payload: ReceivedHook['payload'];
        try {
          payload = new Webhook(secret ?? 'whsec_AAAA').verify(
            body,
            req.headers as Record<string, string>,
          ) as ReceivedHook['payload'];
        } catch {
          payload = null;
        }
        const verified = payload !== null && secret !== undefined;
        const status = verified ? (this.scripts.get(path)?.shift() ?? 200) : 401;
        this.requests.push({
          path,
          webhookId: String(req.headers['webhook-id'] ?? ''),
          verified,
          payload,
          status,
        });
        const answer = () =>
          res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
        if (this.delayMs > 0) setTimeout(answer, this.delayMs);
        else answer();
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** An endpoint's signing secret, and the statuses it answers before 200s. */
  register(path: string, secret: string, script: number[] = []): void {
    this.secrets.set(path, secret);
    this.scripts.set(path, [...script]);
  }

  at(path: string): ReceivedHook[] {
    return this.requests.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
