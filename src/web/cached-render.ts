import type { FastifyReply } from 'fastify';
import type { PageRequest } from './page-request.js';
import { type DeflatedPiece, deflatePiece, storedPiece, zlibStream } from './spliced-deflate.js';

/** Stand-ins rendered into a cached page, replaced per response (never valid values). */
export const NONCE_STANDIN = '__cached-page-nonce__';
export const CSRF_STANDIN = '__cached-page-csrf__';
const STANDINS = new RegExp(`(${NONCE_STANDIN}|${CSRF_STANDIN})`);

/**
 * A page rendered once with the stand-ins, held as UTF-8 bytes cut at each stand-in, and
 * the same pieces compressed: a response joins the pieces with its own CSP nonce and CSRF
 * token (forms on the page — the language toggle, sign-out — stay valid). Nothing is
 * scanned, re-encoded or compressed per response. A browser that accepts `deflate` gets
 * the compressed pieces with the two values as stored blocks (`spliced-deflate.ts`): a
 * sixth of the bytes to write, which is most of what such a page costs to send.
 */
export class CachedPage {
  private constructor(
    /** Bytes, then for each stand-in its kind followed by the bytes after it. */
    private readonly pieces: Buffer[],
    private readonly deflated: DeflatedPiece[],
    private readonly slots: ('nonce' | 'csrf')[],
  ) {}

  /**
   * The page with the templates' indentation dropped (runs of whitespace after a line
   * break) unless it holds text whose whitespace counts (`<pre>`, `<textarea>`).
   */
  static of(html: string): CachedPage {
    const compact = /<(pre|textarea)\b/i.test(html) ? html : html.replace(/\n\s+/g, '\n');
    const parts = compact.split(STANDINS);
    const pieces: Buffer[] = [];
    const slots: ('nonce' | 'csrf')[] = [];
    parts.forEach((part, i) => {
      if (i % 2 === 0) pieces.push(Buffer.from(part, 'utf8'));
      else slots.push(part === NONCE_STANDIN ? 'nonce' : 'csrf');
    });
    return new CachedPage(pieces, pieces.map(deflatePiece), slots);
  }

  /** Sends the page with this response's nonce and a CSRF token of the visitor's session. */
  send(req: PageRequest, reply: FastifyReply): FastifyReply {
    const nonce = Buffer.from(req.cspNonce, 'latin1');
    const csrf = this.slots.includes('csrf') ? Buffer.from(reply.generateCsrf(), 'latin1') : null;
    const value = (i: number) => (this.slots[i] === 'nonce' ? nonce : (csrf as Buffer));
    void reply.status(200).type('text/html; charset=utf-8').header('vary', 'Accept-Encoding');
    if (acceptsDeflate(req.headers['accept-encoding'])) {
      const pieces: DeflatedPiece[] = [this.deflated[0]];
      this.slots.forEach((_, i) => pieces.push(storedPiece(value(i)), this.deflated[i + 1]));
      return reply.header('content-encoding', 'deflate').send(zlibStream(pieces));
    }
    const chunks: Buffer[] = [this.pieces[0]];
    this.slots.forEach((_, i) => chunks.push(value(i), this.pieces[i + 1]));
    return reply.send(Buffer.concat(chunks));
  }
}

/** Answers for the few distinct Accept-Encoding headers browsers send. */
const deflateAnswers = new Map<string, boolean>();

/** Whether an Accept-Encoding header allows `deflate` (named, or `*`, with q above 0). */
export function acceptsDeflate(header: string | undefined): boolean {
  if (!header) return false;
  let answer = deflateAnswers.get(header);
  if (answer === undefined) {
    answer = parseAcceptsDeflate(header);
    if (deflateAnswers.size >= 64) deflateAnswers.clear();
    deflateAnswers.set(header, answer);
  }
  return answer;
}

function parseAcceptsDeflate(header: string): boolean {
  const q = new Map<string, number>();
  for (const item of header.split(',')) {
    const [name, ...params] = item.trim().toLowerCase().split(';');
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  return (q.get('deflate') ?? q.get('*') ?? 0) > 0;
}
