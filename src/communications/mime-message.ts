/**
 * A delivery's email as one RFC 5322 / MIME message, built as a string: headers, then a
 * multipart/alternative of the text and HTML parts, each UTF-8 in base64 (76-character
 * lines, CRLF). Built in a few microseconds, where composing it through nodemailer's MIME
 * tree and its chain of encoding streams cost ~0.5 ms of the worker's CPU per message — the
 * largest per-delivery cost of an email fan-out. Only what is certainly plain is built here:
 * `fastMessage` answers null (the caller lets nodemailer compose) for a non-ASCII or odd
 * address, or a header value with control characters or too long for one line.
 */
export interface MailAddress {
  /** The header value, e.g. `"Programme Office" <office@programme.example>`. */
  header: string;
  /** The bare address, for the SMTP envelope. */
  address: string;
}

export interface MailContent {
  from: MailAddress;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Message-ID without angle brackets; also the boundary's suffix. */
  messageId: string;
  headers: Record<string, string>;
  date?: Date;
}

const PLAIN_ADDRESS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+$/;
const PRINTABLE = /^[\x20-\x7e]*$/;
const MAX_HEADER = 900;
const hasControl = (s: string) =>
  [...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/** `Name <address>` or a bare address, when plainly ASCII; null otherwise. */
export function parseFrom(from: string): MailAddress | null {
  const m = /^\s*(?:"([^"\\]*)"|([^"<>]*?))\s*<([^<>\s]+)>\s*$/.exec(from);
  const address = m ? m[3] : from.trim();
  if (!PLAIN_ADDRESS.test(address)) return null;
  const name = (m?.[1] ?? m?.[2] ?? '').trim();
  if (!PRINTABLE.test(name)) return null;
  return { header: name ? `"${name}" <${address}>` : address, address };
}

/** A header value: as it is when printable ASCII, else RFC 2047 UTF-8 B-words, folded. */
export function encodeHeader(value: string): string {
  if (PRINTABLE.test(value)) return value;
  const words: string[] = [];
  let word = '';
  for (const ch of value) {
    if (Buffer.byteLength(word + ch) > 45) {
      words.push(word);
      word = '';
    }
    word += ch;
  }
  if (word) words.push(word);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ');
}

const base64Lines = (s: string) =>
  Buffer.from(s.replace(/\r?\n/g, '\r\n'))
    .toString('base64')
    .replace(/.{76}(?=.)/g, '$&\r\n');

/** The whole message, or null when it is not certainly plain (see above). */
export function fastMessage(m: MailContent): string | null {
  if (!PLAIN_ADDRESS.test(m.to) || !PLAIN_ADDRESS.test(m.messageId)) return null;
  const values = [m.subject, ...Object.values(m.headers)];
  if (values.some((v) => v.length > MAX_HEADER || hasControl(v))) return null;
  if (Object.keys(m.headers).some((k) => !/^[A-Za-z0-9-]+$/.test(k))) return null;
  const boundary = `--_ptrack_${m.messageId.replace(/[^A-Za-z0-9]/g, '')}`;
  const head = [
    `From: ${m.from.header}`,
    `To: ${m.to}`,
    `Subject: ${encodeHeader(m.subject)}`,
    `Message-ID: <${m.messageId}>`,
    ...Object.entries(m.headers).map(([k, v]) => `${k}: ${encodeHeader(v)}`),
    `Date: ${(m.date ?? new Date()).toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    `--${boundary}\r\nContent-Type: text/${type}; charset=utf-8\r\n` +
    `Content-Transfer-Encoding: base64\r\n\r\n${base64Lines(body)}\r\n`;
  return `${head.join('\r\n')}\r\n\r\n${part('plain', m.text)}${part('html', m.html)}--${boundary}--\r\n`;
}
