import { CallState, TerminationReason } from '@warmline/contracts';
import { given } from './callSpec.test';
import {
  answer,
  answerFailed,
  answerSucceeded,
  calleeAnswered,
  inState,
  was,
} from './fixtures.test';

describe('answer', () => {
  it('records CallAnswerRequested and tells the gateway to answer the leg; still PENDING', () => {
    given(...inState.pending())
      .when(answer())
      .thenEvents({ $case: 'answerRequested', value: {} })
      .thenInstructions({ $case: 'answer', value: {} })
      .thenTimers()
      .thenState({
        state: CallState.CALL_STATE_PENDING,
        pendingAnswer: { commandId: 'cmd-answer' },
      });
  });

  it('repeated while the gateway has not replied, does not tell the gateway again', () => {
    given(...inState.answering())
      .when(answer())
      .thenIgnored('DUPLICATE_INPUT')
      .thenInstructions();
  });

  it('with another command id while one is pending, waits for the same reply', () => {
    given(...inState.answering())
      .when(answer('cmd-answer-2'))
      .thenIgnored('ANSWER_IN_PROGRESS')
      .thenInstructions();
  });

  it('the reply closes the window, with the outcome remembered for the command', () => {
    const { after } = given(...inState.answering()).when(answerSucceeded());
    expect(after).toMatchObject({ state: CallState.CALL_STATE_ANSWERED, pendingAnswer: null });
    expect(after.exists && after.appliedInputs.get('cmd-answer')).toEqual({ ok: true });
    const failed = given(...inState.answering()).when(answerFailed('NO_MEDIA'));
    expect(failed.after).toMatchObject({
      state: CallState.CALL_STATE_PENDING,
      pendingAnswer: null,
    });
    expect(failed.after.exists && failed.after.appliedInputs.get('cmd-answer')).toMatchObject({
      ok: false,
      gatewayErrorCode: 'NO_MEDIA',
    });
  });

  it('a reply for another answer than the pending one is refused', () => {
    given(...inState.answering())
      .when(answerSucceeded('cmd-other'))
      .thenRejected('INVALID_ARGUMENT');
  });

  it('a second reply after the outcome is a repeat', () => {
    given(...inState.answered())
      .when(answerSucceeded())
      .thenIgnored('DUPLICATE_INPUT');
  });

  it('is caused by the answer command, so its id is remembered as applied', () => {
    const { decision, after } = given(...inState.pending()).when(answerSucceeded('cmd-a1'));
    expect(decision.ok && decision.events[0]!.causationId).toBe('cmd-a1');
    expect(after.exists && after.appliedInputs.get('cmd-a1')).toEqual({ ok: true });
  });

  it('a failure at the gateway leaves the call PENDING, so a new answer may follow', () => {
    const history = [...inState.pending(), was.answerFailed('cmd-a1')];
    given(...history)
      .when(answer('cmd-a2'))
      .thenInstructions({ $case: 'answer', value: {} });
    given(...history)
      .when(answerSucceeded('cmd-a2'))
      .thenEvents({ $case: 'answered', value: {} })
      .thenState({ state: CallState.CALL_STATE_ANSWERED });
  });

  it('a failure without a code from the gateway still carries one', () => {
    given(...inState.pending())
      .when({
        kind: 'answerOutcome',
        answerCommandId: 'cmd-a1',
        result: { ok: false, errorCode: '', errorMessage: '' },
      })
      .thenEvents({
        $case: 'answerFailed',
        value: { errorCode: 'ANSWER_FAILED', errorMessage: '' },
      });
  });

  it('is allowed while a pre-answer connect rings, and the connect stays pending', () => {
    given(...inState.pendingRinging())
      .when(answerSucceeded())
      .thenEvents({ $case: 'answered', value: {} })
      .thenState({
        state: CallState.CALL_STATE_ANSWERED,
        pendingConnect: { calleeLegId: 'leg-1' },
      });
  });

  it('a reply that arrives after the caller hung up is refused as CALL_CLOSED', () => {
    const hungUp = was.terminated(TerminationReason.TERMINATION_REASON_CALLER_HUNG_UP, 'sig-x');
    given(...inState.pending(), hungUp)
      .when(answerSucceeded())
      .thenRejected('CALL_CLOSED');
  });

  it('a reply that arrives after a pre-answer connect bridged the caller is refused', () => {
    given(...inState.connectedPreAnswer())
      .when(answerSucceeded('cmd-late'))
      .thenRejected('WRONG_STATE');
  });

  it('needs the id of the answer command it replies to', () => {
    given(...inState.pending())
      .when(answerSucceeded(''))
      .thenRejected('INVALID_ARGUMENT');
  });

  it('the callee answering a pre-answer connect answers the caller leg as part of the bridge', () => {
    const result = given(...inState.pendingRinging()).when(calleeAnswered());
    expect(result.decision.ok && result.decision.instructions[0]).toEqual({
      $case: 'answer',
      value: {},
    });
  });
});
