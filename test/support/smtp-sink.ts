import { SMTPServer } from 'smtp-server';

/** One message the sink accepted, with its text and HTML parts decoded. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  deliveryId: string;
  text: string;
  html: string;
  raw: string;
}

function decode(body: string, encoding: string): string {
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

const header = (head: string, name: string) =>
  new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im')
    .exec(head)?.[1]
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim() ?? '';

/** Splits a nodemailer message into its text/plain and text/html parts (enough for tests). */
export function parseMail(raw: string, to: string[]): ReceivedMail {
  const [head] = raw.split(/\r?\n\r?\n/);
  const parts: Record<string, string> = {};
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1];
  const chunks = boundary ? raw.split(`--${boundary}`).slice(1) : [raw];
  for (const chunk of chunks) {
    const at = chunk.search(/\r?\n\r?\n/);
    if (at < 0) continue;
    const partHead = chunk.slice(0, at);
    const body = chunk
      .slice(at)
      .replace(/^\r?\n\r?\n/, '')
      .replace(/\r?\n$/, '');
    const type = /content-type:\s*text\/(plain|html)/i.exec(partHead)?.[1];
    if (type)
      parts[type] = decode(body, header(partHead, 'content-transfer-encoding').toLowerCase());
  }
  return {
    to,
    subject: header(head, 'subject'),
    deliveryId: header(head, 'x-delivery-id'),
    text: parts.plain?.replace(/\r\n/g, '\n') ?? '',
    html: parts.html ?? '',
    raw,
  };
}

/**
 * A real SMTP server in the test process: records every message, refuses recipients
 * matching `reject` with 550, and can be stopped and started on the same port.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  reject: RegExp | null = null;
  /** Milliseconds the sink waits before acknowledging a message (a slow mail server). */
  delayMs = 0;
  private server?: SMTPServer;

  constructor(readonly port: number) {}

  get running(): boolean {
    return this.server !== undefined;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 50,
      onRcptTo: (address, _session, cb) => {
        if (this.reject?.test(address.address)) {
          const err = Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 });
          return cb(err);
        }
        cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          this.messages.push(parseMail(Buffer.concat(chunks).toString('utf8'), to));
          if (this.delayMs > 0) setTimeout(() => cb(), this.delayMs);
          else cb();
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(email: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(email));
  }
}
