import { describe, expect, it } from '@jest/globals';
import { isPublicAddress, resolveWebhookTarget } from './webhook-target.js';

describe('webhook targets (SSRF guard)', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not-an-ip',
  ])('%s is not public', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (ip) => {
      expect(isPublicAddress(ip)).toBe(true);
    },
  );

  it('refuses http, credentials and private literals unless private targets are allowed', async () => {
    await expect(resolveWebhookTarget('http://93.184.215.14/h', false)).rejects.toThrow(/https/);
    await expect(resolveWebhookTarget('https://u:p@93.184.215.14/h', false)).rejects.toThrow(
      /credentials/,
    );
    await expect(resolveWebhookTarget('https://127.0.0.1/h', false)).rejects.toThrow(/public/);
    await expect(resolveWebhookTarget('https://[::1]/h', false)).rejects.toThrow(/public/);
    await expect(resolveWebhookTarget('https://localhost/h', false)).rejects.toThrow(/public/);
    await expect(resolveWebhookTarget('https://93.184.215.14/h', false)).resolves.toMatchObject({
      address: '93.184.215.14',
      family: 4,
    });
    await expect(resolveWebhookTarget('http://127.0.0.1:9/h', true)).resolves.toMatchObject({
      address: null,
    });
  });
});
