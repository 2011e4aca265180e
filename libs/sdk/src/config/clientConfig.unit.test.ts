import { InvalidArgumentError, WarmlineError } from '../errors/warmlineError';
import { WarmlineClientConfig } from './clientConfig';

const sandbox = { apiKey: 'key', address: '127.0.0.1:50061', sampleRate: 16000 } as const;

describe('WarmlineClientConfig', () => {
  it('sandbox: API key with defaults', () => {
    const { options } = WarmlineClientConfig.sandbox({ ...sandbox, connectorIds: ['support'] });
    expect(options).toMatchObject({
      address: '127.0.0.1:50061',
      sampleRate: 16000,
      connectorIds: ['support'],
      clientName: '@warmline/sdk',
      commandTimeoutMs: 10_000,
      sendBufferMs: 30_000,
      auth: { kind: 'apiKey', apiKey: 'key' },
    });
    expect(options.reconnect.initialDelayMs).toBeGreaterThan(0);
  });

  it('production: mutual TLS paths', () => {
    const { options } = WarmlineClientConfig.production({
      certPath: 'c.pem',
      keyPath: 'k.pem',
      caPath: 'ca.pem',
      address: 'calls.example.com:443',
      sampleRate: 24000,
    });
    expect(options.auth).toEqual({
      kind: 'mtls',
      certPath: 'c.pem',
      keyPath: 'k.pem',
      caPath: 'ca.pem',
    });
    expect(options.connectorIds).toEqual([]);
  });

  it('accepts a plain options object and passes a config through', () => {
    const config = WarmlineClientConfig.from({
      ...sandbox,
      auth: { kind: 'apiKey', apiKey: 'k' },
      sampleRate: 8000,
    });
    expect(config.options.sampleRate).toBe(8000);
    expect(WarmlineClientConfig.from(config)).toBe(config);
  });

  it.each([44100, 0, '16000', undefined])(
    'refuses sampleRate %p with a typed error',
    (sampleRate) => {
      const build = () =>
        WarmlineClientConfig.sandbox({ ...sandbox, sampleRate: sampleRate as 16000 });
      expect(build).toThrow(InvalidArgumentError);
      expect(build).toThrow(WarmlineError);
      expect(build).toThrow(/sampleRate must be 8000, 16000 or 24000/);
    },
  );

  it.each([
    ['apiKey', { apiKey: '' }],
    ['address', { address: ' ' }],
    ['commandTimeoutMs', { commandTimeoutMs: 0 }],
    ['connectorIds', { connectorIds: [''] }],
  ])('refuses a bad %s', (argument, patch) => {
    expect(() => WarmlineClientConfig.sandbox({ ...sandbox, ...patch })).toThrow(
      expect.objectContaining({ argument }) as Error,
    );
  });

  it('refuses an options object without auth', () => {
    expect(() => WarmlineClientConfig.from({ ...sandbox } as never)).toThrow(InvalidArgumentError);
  });
});
