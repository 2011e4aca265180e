import { toConnectorScope } from '../settings/connectorScope';
import { AuthenticationError } from './authErrors';
import { authenticate } from './authenticate';
import type { Credentials } from './principal';

const credentials: Credentials = {
  apiKeys: new Map([
    ['secret-1', toConnectorScope(['c1'])],
    ['secret-all', toConnectorScope('*')],
  ]),
  clientIdentities: new Map([['sdk.example.com', toConnectorScope(['c2'])]]),
};

describe('authenticate', () => {
  it('accepts a configured API key and names it without revealing it', () => {
    const principal = authenticate(credentials, { authorization: 'Bearer secret-1' });
    expect(principal.scope).toEqual({ kind: 'some', connectorIds: new Set(['c1']) });
    expect(principal.name).toMatch(/^key:[0-9a-f]{8}$/);
    expect(principal.name).not.toContain('secret');
  });

  it.each([
    ['an unknown key', 'Bearer nope', 'unknown API key'],
    ['a malformed header', 'Basic abc', 'Bearer <api key>'],
  ])('refuses %s', (_label, authorization, message) => {
    expect(() => authenticate(credentials, { authorization })).toThrow(AuthenticationError);
    expect(() => authenticate(credentials, { authorization })).toThrow(message);
  });

  it('refuses a call without credentials', () => {
    expect(() => authenticate(credentials, {})).toThrow('missing credentials');
  });

  it('accepts a client certificate by CN or SAN', () => {
    const byCn = authenticate(credentials, {
      certificate: { commonNames: ['sdk.example.com'], altNames: [] },
    });
    expect(byCn.name).toBe('cert:sdk.example.com');
    const bySan = authenticate(credentials, {
      certificate: { commonNames: ['other'], altNames: ['sdk.example.com'] },
    });
    expect(bySan.scope).toEqual({ kind: 'some', connectorIds: new Set(['c2']) });
    expect(() =>
      authenticate(credentials, { certificate: { commonNames: ['x'], altNames: [] } }),
    ).toThrow('client certificate');
  });

  it('an API key, when presented, must be valid even with a good certificate', () => {
    expect(() =>
      authenticate(credentials, {
        authorization: 'Bearer wrong',
        certificate: { commonNames: ['sdk.example.com'], altNames: [] },
      }),
    ).toThrow('unknown API key');
  });
});
