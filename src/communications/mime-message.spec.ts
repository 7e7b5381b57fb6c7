import { describe, expect, it } from '@jest/globals';
import { encodeHeader, fastMessage, parseFrom } from './mime-message.js';

const from = parseFrom('Programme Office <programme-office@programme.example>')!;
const base = {
  from,
  to: 'c1@bench.test',
  subject: 'Notice for Bench Supplier',
  text: 'Dear Contact,\nplease acknowledge https://x/ack',
  html: '<p>Dear Contact, <a href="https://x/ack">https://x/ack</a></p>',
  messageId: '0b9c2f4e-1111-4222-8333-944455556666@deliveries.ptrack',
  headers: { 'X-Delivery-Id': '0b9c2f4e-1111-4222-8333-944455556666' },
  date: new Date('2026-12-01T09:00:00Z'),
};

const part = (raw: string, type: string) => {
  const m = new RegExp(
    `Content-Type: text/${type}; charset=utf-8\\r\\n` +
      'Content-Transfer-Encoding: base64\\r\\n\\r\\n([A-Za-z0-9+/=\\r\\n]+?)\\r\\n--',
  ).exec(raw);
  return Buffer.from(m![1].replace(/\r\n/g, ''), 'base64').toString('utf8');
};

describe('fastMessage', () => {
  it('builds headers and base64 text and HTML parts with CRLF line ends', () => {
    const raw = fastMessage(base)!;
    const head = raw.split('\r\n\r\n')[0];
    expect(head).toContain('From: "Programme Office" <programme-office@programme.example>');
    expect(head).toContain('To: c1@bench.test');
    expect(head).toContain('Subject: Notice for Bench Supplier');
    expect(head).toContain(`Message-ID: <${base.messageId}>`);
    expect(head).toContain('X-Delivery-Id: 0b9c2f4e-1111-4222-8333-944455556666');
    expect(head).toContain('Date: Tue, 01 Dec 2026 09:00:00 +0000');
    expect(head).toMatch(/Content-Type: multipart\/alternative; boundary="([^"]+)"/);
    expect(part(raw, 'plain')).toBe('Dear Contact,\r\nplease acknowledge https://x/ack');
    expect(part(raw, 'html')).toBe(base.html);
    expect(raw.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(raw.endsWith('--\r\n')).toBe(true);
  });

  it('encodes a non-ASCII subject as UTF-8 words, split on characters', () => {
    const subject = 'Hysbysiad: ŵyr a ŷd '.repeat(5).trim();
    const encoded = encodeHeader(subject);
    const words = encoded.split('\r\n ');
    expect(words.every((w) => /^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/.test(w) && w.length <= 75)).toBe(
      true,
    );
    const decoded = words
      .map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8'))
      .join('');
    expect(decoded).toBe(subject);
  });

  it('declines what it cannot build plainly (nodemailer composes those)', () => {
    expect(fastMessage({ ...base, to: 'ŵyr@example.cymru' })).toBeNull();
    expect(fastMessage({ ...base, to: 'a@b.test, c@d.test' })).toBeNull();
    expect(fastMessage({ ...base, subject: 'a\r\nBcc: x@y.test' })).toBeNull();
    expect(fastMessage({ ...base, subject: 'x'.repeat(901) })).toBeNull();
    expect(parseFrom('Swyddfa’r Rhaglen <office@programme.example>')).toBeNull();
    expect(parseFrom('office@programme.example')).toEqual({
      header: 'office@programme.example',
      address: 'office@programme.example',
    });
  });
});
