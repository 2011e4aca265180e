import { createEventStore, protoCodec } from '@warmline/bus';
import { CallEvent, CallState, streams, subjects } from '@warmline/contracts';
import { kinds, storedEvents } from '../testSupport/callEvents';
import { newCallId } from '../testSupport/sdkCall';
import { callCommand } from '../testSupport/sdkTestClient';
import { useCallControl } from '../testSupport/useCallControl';

const cc = useCallControl();

/** Stores CallAnswerRequested as a process that died before the gateway replied would have. */
async function interruptedAnswer(callId: string, commandId: string, agoMs: number) {
  const store = createEventStore({
    bus: cc.bus,
    stream: streams.callEvents.name,
    codec: protoCodec(CallEvent),
    eventId: (event) => event.eventId,
  });
  const { version } = await store.read(subjects.callEvents(callId));
  const requested: CallEvent = {
    eventId: `evt-${commandId}`,
    callId,
    occurredAt: new Date(Date.now() - agoMs),
    causationId: commandId,
    correlationId: callId,
    payload: { $case: 'answerRequested', value: {} },
  };
  await store.append(subjects.callEvents(callId), [requested], { expectedVersion: version });
}

describe('an answer interrupted by a crash', () => {
  it('is resumed by a repeated answer once the first request is stale, with its instruction id', async () => {
    const callId = newCallId();
    await cc.gateway.startCall(callId);
    await interruptedAnswer(callId, 'cmd-lost', 60_000);

    const result = await cc
      .client()
      .execute(callCommand(callId, { $case: 'answer', value: {} }, 'cmd-lost'));
    expect(result).toMatchObject({ ok: true, state: CallState.CALL_STATE_ANSWERED });
    expect(kinds(await storedEvents(cc.bus, callId))).toEqual([
      'started',
      'answerRequested',
      'answered',
    ]);
    const instructions = cc.gateway.instructions.filter((i) => i.callId === callId);
    expect(instructions.map((i) => i.instructionId)).toEqual(['evt-cmd-lost:0']);
  });

  it('an answer with another id also completes the stale one', async () => {
    const callId = newCallId();
    await cc.gateway.startCall(callId);
    await interruptedAnswer(callId, 'cmd-lost-2', 60_000);
    const result = await cc.client().command(callId, { $case: 'answer', value: {} });
    expect(result).toMatchObject({ ok: true, state: CallState.CALL_STATE_ANSWERED });
    expect(cc.gateway.actionsFor(callId)).toEqual(['answer']);
  });
});
