import { ConfigError } from '@warmline/config';
import { CallHandler } from '@warmline/contracts';
import { loadCallControlConfig } from './config';

const minimal = { CALL_CONTROL_API_KEYS: '{"key-1": ["c1"], "key-admin": "*"}' };

describe('loadCallControlConfig', () => {
  it('applies defaults: loopback gRPC, built-in agent, 60 s ring time', () => {
    const config = loadCallControlConfig(minimal);
    expect(config).toMatchObject({
      natsUrl: 'nats://127.0.0.1:4222',
      grpcAddress: '127.0.0.1:50061',
      defaultRingTimeSeconds: 60,
      heartbeatIntervalMs: 5_000,
      routing: { rules: [], defaultHandler: CallHandler.CALL_HANDLER_BUILT_IN_AGENT },
    });
    expect(config.apiKeys.get('key-1')).toEqual({ kind: 'some', connectorIds: new Set(['c1']) });
    expect(config.apiKeys.get('key-admin')).toEqual({ kind: 'all' });
    expect(config.tls).toBeUndefined();
  });

  it('reads routing rules, destinations and mutual TLS', () => {
    const config = loadCallControlConfig({
      ...minimal,
      CALL_CONTROL_ROUTING_RULES: '[{"calleePattern": "+1800*", "handler": "SDK"}]',
      CALL_CONTROL_CALLEE_DESTINATIONS: '{"c1": "sip:desk@pbx"}',
      CALL_CONTROL_TLS_CERT_FILE: '/tls/server.crt',
      CALL_CONTROL_TLS_KEY_FILE: '/tls/server.key',
      CALL_CONTROL_TLS_CA_FILE: '/tls/ca.crt',
      CALL_CONTROL_TLS_CLIENT_CONNECTORS: '{"sdk.example.com": ["c1"]}',
      CALL_CONTROL_DEFAULT_RING_TIME: '30s',
    });
    expect(config.routing.rules).toEqual([
      { calleePattern: '+1800*', handler: CallHandler.CALL_HANDLER_SDK },
    ]);
    expect(config.calleeDestinations.get('c1')).toBe('sip:desk@pbx');
    expect(config.tls?.clientIdentities.get('sdk.example.com')).toBeDefined();
    expect(config.defaultRingTimeSeconds).toBe(30);
  });

  it('fails fast, listing every problem and never showing an API key', () => {
    let error: unknown;
    try {
      loadCallControlConfig({
        CALL_CONTROL_API_KEYS: '{"secret-key": 5}',
        CALL_CONTROL_ROUTING_RULES: '[{"handler": "HUMAN"}]',
        CALL_CONTROL_GRPC_ADDRESS: 'nowhere',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('CALL_CONTROL_API_KEYS');
    expect(message).toContain('CALL_CONTROL_ROUTING_RULES');
    expect(message).toContain('CALL_CONTROL_GRPC_ADDRESS');
    expect(message).not.toContain('secret-key');
  });

  it('refuses a default ring time outside 1 to 120 s', () => {
    expect(() =>
      loadCallControlConfig({ ...minimal, CALL_CONTROL_DEFAULT_RING_TIME: '5m' }),
    ).toThrow(ConfigError);
  });
});
