import { createServer, type Server } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';

/**
 * The benchmark's webhook receiver: verifies every request with the Standard Webhooks
 * reference implementation (never the sender's code) and counts verified requests and
 * distinct webhook-ids.
 */
export class VerifyingReceiver {
  private readonly verifiers = new Map<string, Webhook>();
  private server?: Server;
  readonly ids = new Set<string>();
  requests = 0;
  rejected = 0;
  port = 0;

  register(supplierId: string, secret: string): void {
    this.verifiers.set(`/hooks/${supplierId}`, new Webhook(secret));
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests++;
        try {
          const verifier = this.verifiers.get(req.url ?? '');
          if (!verifier) throw new Error('unknown endpoint');
          verifier.verify(
            Buffer.concat(chunks).toString('utf8'),
            req.headers as Record<string, string>,
          );
          this.ids.add(String(req.headers['webhook-id']));
          res.writeHead(204).end();
        } catch {
          this.rejected++;
          res.writeHead(401).end();
        }
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}

/** An SMTP sink that accepts and counts messages. */
export class CountingSmtpSink {
  private server?: SMTPServer;
  messages = 0;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 50,
      onData: (stream, _session, cb) => {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          this.messages++;
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
