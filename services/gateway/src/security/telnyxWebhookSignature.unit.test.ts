import { generateKeyPairSync, sign } from 'node:crypto';
import { isValidTelnyxWebhook, telnyxPublicKey } from './telnyxWebhookSignature';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
const key = telnyxPublicKey(raw);
const signed = (timestamp: string, body: string) =>
  sign(null, Buffer.from(`${timestamp}|${body}`), privateKey).toString('base64');

describe('Telnyx webhook signature (Ed25519 over timestamp|body)', () => {
  const body = '{"data":{"event_type":"call.answered"}}';
  it('accepts a fresh, correctly signed body', () => {
    expect(
      isValidTelnyxWebhook(key, body, '1700000000', signed('1700000000', body), 1_700_000_010),
    ).toBe(true);
  });
  it('refuses a changed body, a replayed timestamp, bad or missing headers', () => {
    const signature = signed('1700000000', body);
    expect(isValidTelnyxWebhook(key, `${body} `, '1700000000', signature, 1_700_000_010)).toBe(
      false,
    );
    expect(isValidTelnyxWebhook(key, body, '1700000000', signature, 1_700_001_000)).toBe(false);
    expect(isValidTelnyxWebhook(key, body, '1700000001', signature, 1_700_000_010)).toBe(false);
    expect(isValidTelnyxWebhook(key, body, undefined, signature, 1_700_000_010)).toBe(false);
    expect(
      isValidTelnyxWebhook(key, body, '1700000000', 'bm90IGEgc2lnbmF0dXJl', 1_700_000_010),
    ).toBe(false);
  });
});
