import { ConfigError } from '@warmline/config';
import { readConfig } from './config';

const env = {
  NATS_URL: 'nats://127.0.0.1:4222',
  GATEWAY_PUBLIC_BASE_URL: 'https://gw.example.com',
  GATEWAY_CARRIER_SECRETS: JSON.stringify({
    twilio: [{ accountSid: 'AC1', authToken: 'secret-token' }],
    telnyx: [{ name: 'main', streamingAuthToken: 'a-streaming-token-of-some-length' }],
  }),
  GATEWAY_NUMBERS: JSON.stringify([
    {
      number: '+15550001111',
      carrier: 'twilio',
      account: 'AC1',
      connectorId: 'c1',
      transferDestinations: ['+15559990000'],
    },
  ]),
};

describe('gateway configuration', () => {
  it('reads accounts, numbers and defaults', () => {
    const config = readConfig(env);
    expect(config.accounts.twilio[0]).toEqual({
      accountSid: 'AC1',
      authToken: 'secret-token',
      apiBaseUrl: 'https://api.twilio.com',
    });
    expect(config.accounts.telnyx[0]).toMatchObject({
      name: 'main',
      apiBaseUrl: 'https://api.telnyx.com',
    });
    expect(config.numbers).toHaveLength(1);
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      markEveryFrames: 5,
      jitterDepthMs: 60,
      pacing: 'shared-clock',
    });
  });

  it('refuses malformed carrier settings without showing the secret, and duplicate numbers', () => {
    const bad = () =>
      readConfig({
        ...env,
        GATEWAY_CARRIER_SECRETS:
          '{"twilio":[{"accountSid":"AC1","authToken":"leaky-secret"}],"x":1}',
      });
    expect(bad).toThrow(ConfigError);
    expect(() => bad()).not.toThrow(/leaky-secret/);
    const duplicate = JSON.stringify([
      { number: '+1555', carrier: 'twilio', account: 'AC1', connectorId: 'a' },
      { number: '+1555', carrier: 'twilio', account: 'AC1', connectorId: 'b' },
    ]);
    expect(() => readConfig({ ...env, GATEWAY_NUMBERS: duplicate })).toThrow(ConfigError);
    expect(() => readConfig({ ...env, GATEWAY_PUBLIC_BASE_URL: 'ftp://x' })).toThrow(ConfigError);
  });
});
