import { type CallSession, initialCallSession } from './callSession';
import { planTurn } from './planTurn';

const at = { occurredAtMs: 1_000, nowMs: 2_000, staleAfterMs: 60_000 };
const reply = { utteranceId: 'u1', text: 'hi', provider: 'local-policy', spoken: true };
const answered: CallSession = {
  ...initialCallSession(),
  replies: new Map([['turn-1', reply]]),
  lastAnsweredTurnId: 'turn-1',
};

describe('planTurn', () => {
  it('decides a new turn of an active call', () => {
    expect(planTurn(initialCallSession(), { turnId: 'turn-1', ...at })).toEqual({ kind: 'decide' });
  });

  it('recognises a redelivered turn and whether its reply is still the latest', () => {
    expect(planTurn(answered, { turnId: 'turn-1', ...at })).toEqual({
      kind: 'answered',
      reply,
      latest: true,
    });
    const later = { ...answered, lastAnsweredTurnId: 'turn-2' };
    expect(planTurn(later, { turnId: 'turn-1', ...at })).toMatchObject({ latest: false });
  });

  it('skips turns after an escalation or the end of the call', () => {
    expect(planTurn({ ...answered, status: 'escalated' }, { turnId: 'turn-2', ...at })).toEqual({
      kind: 'skip',
      reason: 'escalated',
    });
    expect(planTurn({ ...answered, status: 'ended' }, { turnId: 'turn-2', ...at })).toEqual({
      kind: 'skip',
      reason: 'ended',
    });
  });

  it('skips a transcript older than the stale limit', () => {
    expect(planTurn(initialCallSession(), { turnId: 't', ...at, nowMs: 70_000 })).toEqual({
      kind: 'skip',
      reason: 'stale',
    });
  });
});
