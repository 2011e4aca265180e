import { CallHandler, EscalationOutcome, EscalationTimerScheduled } from '@warmline/contracts';
import { publishToStream, protoCodec } from '@warmline/bus';
import { waitFor } from '@warmline/testing';
import { localSubjects } from '../adapters/nats/localTopology';
import type { EffectPorts } from '../runner/ports';
import { conversationScript } from '../testing/conversationScript';
import { orchestratorSettled } from '../testing/orchestratorHarness';
import { summaryOf } from '../testing/sagaProbe';
import { type World, newCallId, ofCall, useOrchestratorWorld } from '../testing/world';

/**
 * Fails one effect of the calls named `crash-*`, once, as a process dying there would: `before:`
 * keys fail before the effect is done, `after:` keys once it is done (the ack is what is lost).
 */
const faults = { failed: new Set<string>() };
const failOnce = async (key: string, effect: () => Promise<void>): Promise<void> => {
  if (faults.failed.has(key)) return effect();
  faults.failed.add(key);
  if (key.startsWith('after:')) await effect();
  throw new Error(`injected fault ${key}`);
};
const withFaults = (ports: EffectPorts): EffectPorts => ({
  ...ports,
  speak: (request) =>
    request.callId.startsWith('crash-before') && request.utteranceId.endsWith(':transition')
      ? failOnce(`before:${request.utteranceId}`, () => ports.speak(request))
      : ports.speak(request),
  sendCallCommand: (command) =>
    command.callId.startsWith('crash-after') && command.payload?.$case === 'connect'
      ? failOnce(`after:${command.commandId}`, () => ports.sendCallCommand(command))
      : ports.sendCallCommand(command),
});

const world = useOrchestratorWorld({
  env: { ORCHESTRATOR_BRIEFING: 'false' },
  duplicateEventsFor: (callId) => callId.startsWith('dup'),
  app: () => ({ wrapPorts: withFaults }),
});

/** Runs a whole built-in call that escalates, and returns what each participant saw of it. */
const runEscalation = async (w: World, callId: string, duplicate = false) => {
  const script = duplicate ? conversationScript(w.bus, { duplicate: true }) : w.script;
  await w.callControl.startCall(callId, CallHandler.CALL_HANDLER_BUILT_IN_AGENT);
  await waitFor(() => (ofCall(w.tts.requests, callId).length > 0 ? true : undefined));
  await script.transcribed(callId, 1);
  await script.escalationRequested(callId);
  const finished = await w.saga.finished(callId);
  await orchestratorSettled(w.bus);
  return {
    outcome: finished.phase.status === 'Finished' ? finished.phase.outcome : undefined,
    saves: ofCall(w.contextStore.requests, callId).map((r) => r.requestId),
    speech: ofCall(w.tts.requests, callId).map((r) => r.utteranceId),
    commands: ofCall(w.callControl.commands, callId).map((c) => c.commandId),
    stream: summaryOf(await w.saga.events(callId)).map((line) => line.replaceAll(callId, '<call>')),
  };
};

const expectedEffects = (callId: string) => ({
  outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
  saves: [`${callId}:save-context:escalation`],
  speech: [`${callId}:utterance:greeting`, `${callId}:utterance:transition`],
  commands: [`${callId}:command:answer`, `${callId}:command:connect`, `${callId}:command:close`],
});

describe('exactly once, whatever is delivered twice or fails half-way', () => {
  let clean: Awaited<ReturnType<typeof runEscalation>>;
  beforeAll(async () => {
    clean = await runEscalation(world(), newCallId('clean'));
  });

  it('every input delivered twice (call, conversation, context and speech events) changes nothing', async () => {
    const callId = newCallId('dup');
    const doubled = await runEscalation(world(), callId, true);
    expect(doubled).toMatchObject(expectedEffects(callId));
    expect(doubled.stream).toEqual(clean.stream);
    // the participants really were sent everything twice
    const events = await world().bus.jsm.streams.info('CALL_EVENTS', {
      subjects_filter: `evt.call.${callId}`,
    });
    expect(events.state.subjects?.[`evt.call.${callId}`]).toBe(2 * 5); // started, answered, connect requested, connected, terminated
  });

  it('a timer firing delivered twice is recorded once', async () => {
    const { bus, saga } = world();
    const callId = newCallId('dup-timer');
    await runEscalation(world(), callId);
    const before = (await saga.events(callId)).length;
    const timer = { timerId: `${callId}:timer:connect`, dueAtMs: 0, purpose: 'connect' };
    const codec = protoCodec(EscalationTimerScheduled);
    for (const copy of ['a', 'b']) {
      await publishToStream(bus, localSubjects.timerFired(callId), codec, timer, {
        msgId: `${callId}-${copy}`,
      });
    }
    await orchestratorSettled(bus);
    const after = summaryOf(await saga.events(callId));
    expect(after.slice(before)).toEqual(['input TimerFired']); // late, stale, recorded once
  });

  it('a publish that fails after the decision was appended is redone from the log, once', async () => {
    const callId = newCallId('crash-before');
    const run = await runEscalation(world(), callId);
    expect(faults.failed.has(`before:${callId}:utterance:transition`)).toBe(true);
    expect(run).toMatchObject(expectedEffects(callId));
    expect(run.stream).toEqual(clean.stream);
  });

  it('an input whose effect was done but not acked: redelivered, redispatched, dropped by the receiver', async () => {
    const callId = newCallId('crash-after');
    const run = await runEscalation(world(), callId);
    expect(faults.failed.has(`after:${callId}:command:connect`)).toBe(true);
    expect(run).toMatchObject(expectedEffects(callId));
    expect(run.stream).toEqual(clean.stream);
  });
});
