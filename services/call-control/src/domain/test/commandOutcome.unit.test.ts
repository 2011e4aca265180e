import { TerminationReason } from '@warmline/contracts';
import { commandOutcome } from '../commandOutcome';
import { answer, close, connect, inState, was } from './fixtures.test';

const answerCmd = answer().command;
const connectCmd = connect().command;

describe('commandOutcome', () => {
  it('answer: pending until the gateway replies, then ok or ANSWER_FAILED', () => {
    expect(commandOutcome(inState.answering(), answerCmd)).toEqual({ kind: 'pending' });
    expect(commandOutcome(inState.answered(), answerCmd)).toEqual({ kind: 'ok' });
    const failed = commandOutcome([...inState.answering(), was.answerFailed()], answerCmd);
    expect(failed).toEqual({
      kind: 'failed',
      code: 'ANSWER_FAILED',
      message: 'MEDIA_UNAVAILABLE: no media port',
    });
  });

  it('answer that waited on another pending answer shares its outcome', () => {
    const other = answer('cmd-other').command;
    expect(commandOutcome(inState.answering(), other)).toEqual({ kind: 'pending' });
    expect(commandOutcome(inState.answered(), other)).toEqual({ kind: 'ok' });
  });

  it('answer overtaken by a pre-answer connect is ok; by a hang-up, CALL_CLOSED', () => {
    const bridged = [...inState.answering(), was.connectRequested(), was.connected()];
    expect(commandOutcome(bridged, answerCmd)).toEqual({ kind: 'ok' });
    const hungUp = [
      ...inState.answering(),
      was.terminated(TerminationReason.TERMINATION_REASON_CALLER_HUNG_UP),
    ];
    expect(commandOutcome(hungUp, answerCmd)).toMatchObject({
      kind: 'failed',
      code: 'CALL_CLOSED',
    });
  });

  it('connect: pending while ringing, ok once its leg connects', () => {
    expect(commandOutcome(inState.answeredRinging(), connectCmd)).toEqual({ kind: 'pending' });
    const ringing = [...inState.answeredRinging(), was.connectRinging()];
    expect(commandOutcome(ringing, connectCmd)).toEqual({ kind: 'pending' });
    expect(commandOutcome(inState.connected(), connectCmd)).toEqual({ kind: 'ok' });
  });

  it('connect: the failure code of the connect (CALL_UNANSWERED, CALLEE_BUSY)', () => {
    const busy = [...inState.answeredRinging(), was.connectFailed('CALLEE_BUSY')];
    expect(commandOutcome(busy, connectCmd)).toMatchObject({ kind: 'failed', code: 'CALLEE_BUSY' });
    const retried = [
      ...busy,
      was.connectRequested(60, 'leg-2', 'cmd-retry'),
      was.connected('leg-2'),
    ];
    expect(commandOutcome(retried, connectCmd)).toMatchObject({ code: 'CALLEE_BUSY' });
    expect(commandOutcome(retried, connect(0, 'cmd-retry').command)).toEqual({ kind: 'ok' });
  });

  it('other commands are done when accepted', () => {
    expect(commandOutcome(inState.closedWhileAnswered(), close().command)).toEqual({ kind: 'ok' });
  });
});
