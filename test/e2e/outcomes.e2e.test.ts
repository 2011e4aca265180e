import {
  EscalationOutcome,
  EscalationReason,
  EscalationStep,
  TerminationReason,
} from '@warmline/contracts';
import { contextWhen, heardTextOf, payloadOf, useStack } from './support';

describe('how calls end, through the whole stack', () => {
  const env = useStack();

  const serviceSaid = (service: 'gateway' | 'stt', msg: string, callId: string) =>
    env()
      .stack.services.get(service)!
      .process.lines()
      .some((l) => l.text.includes(`"msg":"${msg}"`) && l.text.includes(callId));

  it('the agent handles the call to the end: the caller says goodbye, the agent says it too and disconnect()s', async () => {
    const { carrier } = env();
    const call = await env().call();
    await call.greeted();
    const question = await call.say('I forgot my wifi password.');
    expect(question.reply?.intentId).toBe('wifi_password');
    await call.speak("That's all I needed.");
    const hangup = await call.waitForCase('conversation', 'hangupRequested');
    expect(hangup.stream).toBe('conversation');
    const ended = await call.waitForCase('call', 'terminated', 30_000);
    expect(payloadOf(ended, 'call', 'terminated')).toMatchObject({
      reason: TerminationReason.TERMINATION_REASON_DISCONNECTED,
    });
    // the goodbye was played to the caller before the line was closed
    expect(call.events().some((e) => /goodbye/i.test(heardTextOf(e)))).toBe(true);
    await call.phone.waitUntil(
      () => call.phone.current === undefined,
      10_000,
      'the stream to close',
    );
    // the gateway ended the carrier call through its REST API
    const isCompletion = (r: { path: string; form: Readonly<Record<string, string>> }) =>
      r.path.includes(call.phone.callSid) && r.form.Status === 'completed';
    await call.phone.waitUntil(
      () => carrier.requests.some(isCompletion),
      10_000,
      'the REST call that ends the carrier call',
    );
    const completed = carrier.requests.find(isCompletion);
    expect(completed?.status).toBe(200);
    expect(call.cases('escalation')).not.toContain('started');
    expect(serviceSaid('gateway', 'call ended here', call.callId)).toBe(true);
  });

  it('the human does not answer: the caller is told, comes back to the agent, is offered voicemail or a callback, and picks a callback', async () => {
    const { carrier, stack } = env();
    carrier.setCallee({ answer: 'no-answer', ringMs: 1_500 });
    try {
      const call = await env().call();
      await call.greeted();
      const handoff = await call.say('I want to speak to a human please.');
      expect(handoff.escalation?.reason).toBe(EscalationReason.ESCALATION_REASON_CALLER_ASKED);
      const failed = await call.waitForCase('call', 'connectFailed', 45_000);
      expect(payloadOf(failed, 'call', 'connectFailed')).toMatchObject({
        errorCode: 'CALL_UNANSWERED',
      });
      // Twilio runs the <Connect><Stream> after the <Dial>: the caller is back on a new stream
      await call.phone.waitUntil(() => call.phone.legs.length === 2, 10_000, 'the caller back');
      const offer = await call.waitFor(
        (e) => /leave a message/.test(heardTextOf(e)),
        'the voicemail offer to be heard',
        45_000,
      );
      const heard = call.events().map((e) => heardTextOf(e));
      expect(heard.some((t) => t.includes('nobody is available'))).toBe(true);
      expect(offer.stream).toBe('conversation');
      // what the caller heard after coming back arrived on the second stream
      expect(call.phone.legs[1]!.heardFrames.length).toBeGreaterThan(50);
      call.phone.current!.sendDtmf('1');
      const finished = await call.waitForCase('escalation', 'finished', 30_000);
      expect(payloadOf(finished, 'escalation', 'finished')).toMatchObject({
        outcome: EscalationOutcome.ESCALATION_OUTCOME_CALLBACK_OFFERED,
      });
      await call.waitForCase('call', 'terminated', 30_000);
      const context = await contextWhen(
        stack.contextStore!.grpcAddress,
        call.callId,
        (c) => c.outcome !== EscalationOutcome.ESCALATION_OUTCOME_UNSPECIFIED,
      );
      expect(context.outcome).toBe(EscalationOutcome.ESCALATION_OUTCOME_CALLBACK_OFFERED);
    } finally {
      carrier.setCallee({ answer: 'answer' });
    }
  });

  it('the caller hangs up mid-handoff: the escalation is abandoned, nobody is dialled, every leg is cleaned up', async () => {
    const { carrier, stack } = env();
    const call = await env().call();
    await call.greeted();
    await call.say('I want to speak to a human please.');
    await call.waitFor(
      (e) =>
        payloadOf(e, 'escalation', 'stepEntered')?.step ===
        EscalationStep.ESCALATION_STEP_ANNOUNCING,
      'the transition line to start',
    );
    await call.hangUp();
    const finished = await call.waitForCase('escalation', 'finished', 30_000);
    expect(payloadOf(finished, 'escalation', 'finished')).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_ABANDONED,
    });
    const ended = await call.waitForCase('call', 'terminated');
    expect(payloadOf(ended, 'call', 'terminated')).toMatchObject({
      reason: TerminationReason.TERMINATION_REASON_CALLER_HUNG_UP,
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // anything late would show now
    expect(call.cases('call')).not.toContain('connectRequested');
    expect(
      carrier.requests.filter((r) => r.path.includes(call.phone.callSid) && r.form.Twiml),
    ).toEqual([]);
    // the caller's stream is closed and nothing more was sent to it
    const closed = await call.phone.legs[0]!.closed;
    expect(closed.code).toBe(1000);
    expect(call.phone.legs).toHaveLength(1);
    const context = await contextWhen(
      stack.contextStore!.grpcAddress,
      call.callId,
      (c) => c.outcome !== EscalationOutcome.ESCALATION_OUTCOME_UNSPECIFIED,
    );
    expect(context.outcome).toBe(EscalationOutcome.ESCALATION_OUTCOME_ABANDONED);
  });
});
