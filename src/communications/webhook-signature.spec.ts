import { describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { webhookSignature } from './webhook-signature.js';

const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
const other = `whsec_${Buffer.from('fedcba9876543210fedcba9876543210').toString('base64')}`;

describe('webhookSignature', () => {
  const ts = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({ type: 'communication.sent', data: { a: 1 } });

  it('verifies with the Standard Webhooks reference implementation', () => {
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(ts),
      'webhook-signature': webhookSignature([secret], 'msg_1', ts, body),
    };
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('signs with every secret during a rotation, so either verifies', () => {
    const signature = webhookSignature([other, secret], 'msg_2', ts, body);
    expect(signature.split(' ')).toHaveLength(2);
    const headers = {
      'webhook-id': 'msg_2',
      'webhook-timestamp': String(ts),
      'webhook-signature': signature,
    };
    expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(other).verify(body, headers)).not.toThrow();
  });

  it('fails verification when the body changes', () => {
    const headers = {
      'webhook-id': 'msg_3',
      'webhook-timestamp': String(ts),
      'webhook-signature': webhookSignature([secret], 'msg_3', ts, body),
    };
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
  });
});
