import { callerSpeech, speechMsOf, speechSpans } from '@warmline/local-stack';
import {
  AgentMode,
  EscalationOutcome,
  EscalationReason,
  Speaker,
  TerminationReason,
} from '@warmline/contracts';
import { contextWhen, heardTextOf, payloadOf } from './support';
import { useSipStack } from './sipSupport';

describe('a real call over SIP (baresip caller → gateway SIP trunk → baresip human)', () => {
  const env = useSipStack();

  it('escalation: the agent answers, hears the request for a human, rings the human over SIP, whispers the briefing through the mixer and leaves the caller bridged', async () => {
    const { stack, human } = env();
    const call = await env().call();
    const greeting = await call.greeted();
    expect(greeting.heardText).toBe('Thanks for calling. How can I help you today?');

    const handoff = await call.say('I want to speak to a human please.');
    expect(handoff.transcript.text).toContain('human');
    expect(handoff.escalation?.reason).toBe(EscalationReason.ESCALATION_REASON_CALLER_ASKED);

    const finished = await call.waitForCase('escalation', 'finished', 60_000);
    expect(payloadOf(finished, 'escalation', 'finished')).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
    });
    // connect() rang the human's SIP phone, which answered; the agent whispered, then left
    const connect = call
      .events()
      .map((e) => payloadOf(e, 'call', 'connectRequested'))
      .find(Boolean);
    expect(connect).toMatchObject({ destination: human.uri });
    // the call's lifecycle, in order (bookkeeping events such as answerRequested aside)
    const lifecycle = [
      'started',
      'answered',
      'connectRequested',
      'connectRinging',
      'connected',
      'agentModeChanged',
      'terminated',
    ];
    expect(call.cases('call').filter((c) => lifecycle.includes(c))).toEqual(lifecycle);
    const mode = call
      .events()
      .map((e) => payloadOf(e, 'call', 'agentModeChanged'))
      .find(Boolean);
    expect(mode).toMatchObject({ mode: AgentMode.AGENT_MODE_WHISPER });
    const ended = await call.waitForCase('call', 'terminated');
    expect(payloadOf(ended, 'call', 'terminated')).toMatchObject({
      reason: TerminationReason.TERMINATION_REASON_AGENT_LEFT,
    });
    await human.waitForEvent('CALL_ESTABLISHED');
    const briefing = call.events().find((e) => heardTextOf(e).startsWith('Transferring a caller'));
    expect(briefing).toBeDefined();
    const briefingMs =
      briefing?.stream === 'conversation' && briefing.event.payload?.$case === 'speechPlayed'
        ? briefing.event.payload.value.totalMs
        : 0;

    // bridged: the caller talks to the human through the gateway, then hangs up
    const hello = await callerSpeech('Hello, thank you for taking my call.');
    await call.phone.say(hello);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await call.hangUp();
    await call.waitForCase('call', 'bridgeEnded', 15_000);
    await human.waitForEvent('CALL_CLOSED');

    // the human's recording: the briefing from pick-up, then the caller's voice once bridged
    const { heard, rate } = human.recording();
    const spans = speechSpans(heard, rate);
    const firstMs = spans[0]?.startMs ?? Infinity;
    const inBriefing = spans.filter((s) => s.startMs < firstMs + briefingMs);
    const afterBriefing = spans.filter((s) => s.startMs >= firstMs + briefingMs);
    expect(speechMsOf(inBriefing)).toBeGreaterThan(briefingMs * 0.6);
    expect(speechMsOf(afterBriefing)).toBeGreaterThan((hello.length / 8000) * 1000 * 0.5);

    // the saved context
    const context = await contextWhen(
      stack.contextStore!.grpcAddress,
      call.callId,
      (c) => c.outcome === EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
    );
    expect(context.escalationReason).toBe(EscalationReason.ESCALATION_REASON_CALLER_ASKED);
    expect(
      context.turns.filter((t) => t.speaker === Speaker.SPEAKER_CALLER).map((t) => t.text),
    ).toEqual([handoff.transcript.text]);
    expect(context.turns.find((t) => t.speaker === Speaker.SPEAKER_AGENT)?.heardText).toBe(
      greeting.heardText,
    );
    expect(context.summary).toContain('caller_asked');
  }, 60_000);
});
