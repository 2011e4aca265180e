import {
  EscalationOutcome,
  EscalationReason,
  Speaker,
  TerminationReason,
} from '@warmline/contracts';
import { audibleFrames, contextWhen, payloadOf, useStack } from './support';

describe('a real call through the whole stack (Twilio Media Streams, local carrier stand-in)', () => {
  const env = useStack();

  it('escalation: the agent answers and replies, hears the request for a human, saves the context, says the transition line, rings the human and leaves', async () => {
    const { stack, carrier } = env();
    const call = await env().call();
    const greeting = await call.greeted();
    expect(greeting.heardText).toBe('Thanks for calling. How can I help you today?');

    const question = await call.say('Hi, I have a question about my bill.');
    expect(question.transcript.text).toContain('bill');
    expect(question.reply?.intentId).toBe('bill_balance');
    expect(question.escalation).toBeUndefined();

    const handoff = await call.say('I want to speak to a human please.');
    expect(handoff.transcript.text).toContain('human');
    expect(handoff.escalation?.reason).toBe(EscalationReason.ESCALATION_REASON_CALLER_ASKED);

    const finished = await call.waitForCase('escalation', 'finished', 60_000);
    expect(payloadOf(finished, 'escalation', 'finished')).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
    });
    // the saga's order: context saved before the transition line, the line heard before connect()
    expect(
      call.cases('escalation').filter((c) => c !== 'timerScheduled' && c !== 'inputAccepted'),
    ).toEqual([
      'started',
      'stepEntered',
      'stepEntered',
      'stepEntered',
      'stepEntered',
      'stepEntered',
      'finished',
    ]);
    const order = call
      .events()
      .map(
        (e) => `${e.stream}:${e.stream === 'context' ? 'saved' : (e.event.payload?.$case ?? '')}`,
      );
    const at = (name: string) => order.indexOf(name);
    expect(at('context:saved')).toBeGreaterThan(at('conversation:escalationRequested'));
    const transition = await call.played(`${call.callId}:utterance:transition`);
    expect(transition).toMatchObject({
      interrupted: false,
      heardText: 'Let me connect you with a specialist who can help.',
    });
    expect(at('call:connectRequested')).toBeGreaterThan(at('context:saved'));
    const connect = call
      .events()
      .map((e) => payloadOf(e, 'call', 'connectRequested'))
      .find(Boolean);
    expect(connect).toMatchObject({ destination: stack.carrier.humanNumber });
    expect(call.cases('call')).toEqual(
      expect.arrayContaining([
        'started',
        'answered',
        'connectRequested',
        'connectRinging',
        'connected',
      ]),
    );
    const ended = await call.waitForCase('call', 'terminated');
    expect(payloadOf(ended, 'call', 'terminated')).toMatchObject({
      reason: TerminationReason.TERMINATION_REASON_AGENT_LEFT,
    });

    // the carrier was asked to dial the human with the gateway's TwiML, Basic-authenticated
    const dial = carrier.requests.find((r) => r.form.Twiml?.includes('<Dial'));
    expect(dial?.status).toBe(200);
    expect(dial?.form.Twiml).toContain(`>${stack.carrier.humanNumber}</Number>`);
    expect(carrier.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['stream-ended-for-dial', 'callee-status']),
    );

    // what the caller heard: the greeting, the answer and the transition line
    const heard = audibleFrames(call.phone.heardFrames());
    const spokenMs = greeting.totalMs + transition.totalMs;
    expect(heard * 20).toBeGreaterThan(spokenMs);

    // the saved context: the turns, the reason and the outcome
    await call.hangUp();
    const context = await contextWhen(
      stack.contextStore!.grpcAddress,
      call.callId,
      (c) =>
        c.outcome !== EscalationOutcome.ESCALATION_OUTCOME_UNSPECIFIED &&
        c.turns.some((t) => t.text === question.reply?.text && t.heardText !== ''),
    );
    expect(context.escalationReason).toBe(EscalationReason.ESCALATION_REASON_CALLER_ASKED);
    expect(context.outcome).toBe(EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED);
    const callerTurns = context.turns.filter((t) => t.speaker === Speaker.SPEAKER_CALLER);
    expect(callerTurns.map((t) => t.text)).toEqual([
      question.transcript.text,
      handoff.transcript.text,
    ]);
    const answer = context.turns.find((t) => t.text === question.reply?.text);
    expect(answer?.heardText).toBe(question.reply?.text);
    expect(context.summary).toContain('caller_asked');
  });
});
