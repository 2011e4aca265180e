import { InvalidArgumentError } from '../errors/warmlineError';
import { CALL_JSON_FORMAT, parseCallJson } from './callJson';

const json = {
  format: CALL_JSON_FORMAT,
  callId: 'c1',
  callerNumber: '+15550001',
  calleeNumber: '+15550002',
  connectorId: 'support',
  state: 'ANSWERED',
} as const;

describe('parseCallJson', () => {
  it('reads the object toJSON() returns, and its JSON text', () => {
    expect(parseCallJson(json)).toEqual(json);
    expect(parseCallJson(JSON.stringify({ ...json, mode: 'SPY' }))).toEqual({
      ...json,
      mode: 'SPY',
    });
  });

  it.each([
    ['not JSON', '{'],
    ['not an object', 42],
    ['another format', { ...json, format: 'x' }],
    ['no call id', { ...json, callId: '' }],
    ['an unknown state', { ...json, state: 'RINGING' }],
    ['an unknown mode', { ...json, mode: 'LOUD' }],
  ])('refuses %s', (_what, input) => {
    expect(() => parseCallJson(input)).toThrow(InvalidArgumentError);
  });
});
