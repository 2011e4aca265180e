import { ConfigError } from '@warmline/config';
import { loadContextStoreConfig } from './config';

describe('loadContextStoreConfig', () => {
  it('defaults: loopback listeners, 30-day retention in auto mode, every redaction on', () => {
    const config = loadContextStoreConfig({});
    expect(config).toMatchObject({
      grpcAddress: '127.0.0.1:50062',
      deskAddress: '127.0.0.1:8090',
      retention: { enabled: true, retentionMs: 30 * 24 * 3_600_000, mode: 'auto' },
      redaction: { enabled: true },
    });
    expect([...config.redaction.kinds]).toEqual(['card', 'ssn', 'security-code', 'iban']);
  });

  it('reads a replica set URL, a retention mode, redaction kinds and a disabled desk', () => {
    const config = loadContextStoreConfig({
      MONGO_URL: 'mongodb://a:27017,b:27017/?replicaSet=rs0',
      CONTEXT_STORE_RETENTION: '72h',
      CONTEXT_STORE_RETENTION_MODE: 'sweep',
      CONTEXT_STORE_REDACT: 'card, ssn',
      CONTEXT_STORE_DESK_ENABLED: 'false',
    });
    expect(config.mongoUrl).toBe('mongodb://a:27017,b:27017/?replicaSet=rs0');
    expect(config.retention).toMatchObject({ retentionMs: 72 * 3_600_000, mode: 'sweep' });
    expect([...config.redaction.kinds]).toEqual(['card', 'ssn']);
    expect(config.deskAddress).toBeUndefined();
  });

  it('fails fast on unknown redaction kinds and bad addresses', () => {
    expect(() => loadContextStoreConfig({ CONTEXT_STORE_REDACT: 'cards' })).toThrow(ConfigError);
    expect(() => loadContextStoreConfig({ CONTEXT_STORE_GRPC_ADDRESS: 'localhost' })).toThrow(
      ConfigError,
    );
  });
});
