import type { CallInput, CallInstruction } from '../domain';
import { followUpFor } from './followUp';

const answerCommand: CallInput = {
  kind: 'command',
  command: {
    commandId: 'cmd-1',
    callId: 'call-1',
    causationId: '',
    correlationId: '',
    payload: { $case: 'answer', value: {} },
  },
};
const answerLeg: CallInstruction = { $case: 'answer', value: {} };
const placeCallee: CallInstruction = {
  $case: 'placeCallee',
  value: { calleeLegId: 'leg-1', destination: 'sip:x', ringTimeSeconds: 30, handoffData: {} },
};
const failed = { ok: false as const, errorCode: 'NO_PORT', errorMessage: 'busy media' };

describe('followUpFor', () => {
  it('turns the reply to an answer command into its answerOutcome', () => {
    expect(followUpFor('call-1', answerCommand, answerLeg, 'i-1', { ok: true }, 5)).toEqual({
      kind: 'answerOutcome',
      answerCommandId: 'cmd-1',
      result: { ok: true },
    });
    expect(followUpFor('call-1', answerCommand, answerLeg, 'i-1', failed, 5)).toMatchObject({
      result: { ok: false, errorCode: 'NO_PORT', errorMessage: 'busy media' },
    });
  });

  it('turns a refused callee leg into a CalleeFailed signal for the leg', () => {
    expect(followUpFor('call-1', answerCommand, placeCallee, 'i-2', failed, 5)).toEqual({
      kind: 'gatewaySignal',
      signal: {
        signalId: 'i-2:failed',
        callId: 'call-1',
        occurredAtMs: 5,
        payload: {
          $case: 'calleeFailed',
          value: {
            calleeLegId: 'leg-1',
            errorCode: 'NO_PORT',
            carrierStatus: 0,
            detail: 'busy media',
          },
        },
      },
    });
  });

  it('has nothing to feed back for other replies', () => {
    expect(followUpFor('call-1', answerCommand, placeCallee, 'i-2', { ok: true }, 5)).toBeNull();
    const hangup: CallInstruction = { $case: 'hangup', value: { reason: 3 } };
    expect(followUpFor('call-1', answerCommand, hangup, 'i-3', failed, 5)).toBeNull();
  });
});
