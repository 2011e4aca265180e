import { toConnectorScope } from '../settings/connectorScope';
import { resolveHello } from './resolveHello';
import { SessionError } from './sessionPorts';

const hello = (connectorIds: string[], sampleRate = 16_000) => ({
  connectorIds,
  sampleRate,
  clientName: 'test',
});
const some = toConnectorScope(['c1', 'c2']);

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof SessionError ? error.code : 'other';
  }
  return undefined;
};

describe('resolveHello', () => {
  it('serves the named connectors, or all the credential may use when none is named', () => {
    expect(resolveHello(hello(['c2']), some).connectorIds).toEqual(['c2']);
    expect(resolveHello(hello([]), some).connectorIds).toEqual(['c1', 'c2']);
    expect(resolveHello(hello(['c1', 'c1']), some).connectorIds).toEqual(['c1']);
  });

  it('refuses connectors the credential may not use', () => {
    expect(codeOf(() => resolveHello(hello(['c3']), some))).toBe('PERMISSION_DENIED');
  });

  it('needs named connectors for a credential that may use all', () => {
    expect(codeOf(() => resolveHello(hello([]), toConnectorScope('*')))).toBe('INVALID_ARGUMENT');
    expect(resolveHello(hello(['any']), toConnectorScope('*')).connectorIds).toEqual(['any']);
  });

  it.each([0, 44_100, 11_025])('refuses sample rate %i', (rate) => {
    expect(codeOf(() => resolveHello(hello(['c1'], rate), some))).toBe('INVALID_ARGUMENT');
  });

  it('refuses an id that cannot be a subject token', () => {
    expect(codeOf(() => resolveHello(hello(['a.b']), toConnectorScope('*')))).toBe(
      'INVALID_ARGUMENT',
    );
  });
});
