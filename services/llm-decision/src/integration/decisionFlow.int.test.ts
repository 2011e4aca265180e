import { ROOT_CONTEXT, TraceFlags, context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { EscalationReason } from '@warmline/contracts';
import { type Telemetry, WarmlineAttributes, initTelemetry } from '@warmline/telemetry';
import { waitFor } from '@warmline/testing';
import { DecisionAttributes } from '../decision/decisionMetrics';
import { exampleProfile } from '../testSupport/decisionContexts';
import { useDecisionBus } from '../testSupport/decisionHarness';
import {
  CallHandler,
  callStarted,
  escalationsIn,
  hangupsIn,
  repliesIn,
  transcribed,
} from '../testSupport/conversationEvents';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const hoursAnswer = exampleProfile.intents.find((i) => i.id === 'hours')?.answer ?? '';

describe('llm-decision over the bus', () => {
  const nats = useDecisionBus();
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;
  beforeAll(async () => {
    telemetry = await initTelemetry({ serviceName: 'llm-decision-test', spanExporter: exporter });
  });
  afterAll(() => telemetry.shutdown());

  const eventsOf = async (
    bus: Parameters<typeof nats.conversation>[0],
    callId: string,
    count: number,
  ) =>
    waitFor(async () => {
      const stored = await nats.conversation(bus, callId);
      return stored.length >= count ? stored : undefined;
    });

  it('answers a transcript with AgentReplied and a SpeakRequest in the same trace', async () => {
    await nats.startApp();
    const bus = await nats.connect();
    const event = transcribed('call-reply', 'turn-1', 'what are your hours');
    // The transcript arrives as a message of trace TRACE_ID (stt's span).
    const sttSpan = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: TRACE_ID,
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
    });
    await context.with(sttSpan, () => nats.publish(bus, event));

    const stored = await eventsOf(bus, 'call-reply', 2);
    const [reply] = repliesIn(stored.map((s) => s.event));
    expect(reply).toEqual({
      turnId: 'turn-1:agent',
      utteranceId: `${event.eventId}:utterance`,
      text: `${hoursAnswer} ${exampleProfile.lines.anythingElse}`,
      inReplyToTurnId: 'turn-1',
      fallback: false,
      provider: 'local-policy',
      intentId: 'hours',
    });
    expect(stored[1]?.event).toMatchObject({
      causationId: event.eventId,
      correlationId: 'call-reply',
    });
    expect(stored[1]?.headers?.get('traceparent')).toContain(TRACE_ID);

    const [speak] = await waitFor(async () => {
      const requests = await nats.speakRequests(bus, 'call-reply');
      return requests.length > 0 ? requests : undefined;
    });
    expect(speak?.event).toMatchObject({
      requestId: reply?.utteranceId,
      utteranceId: reply?.utteranceId,
      callId: 'call-reply',
      text: reply?.text,
      cacheable: true,
    });
    expect(speak?.headers?.get('traceparent')).toContain(TRACE_ID);

    const decide = exporter.getFinishedSpans().find((s) => s.name === 'llm-decision.decide');
    expect(decide?.spanContext().traceId).toBe(TRACE_ID);
    expect(decide?.attributes).toMatchObject({
      [WarmlineAttributes.CALL_ID]: 'call-reply',
      [WarmlineAttributes.STAGE]: 'llm-decision',
      [DecisionAttributes.PROVIDER]: 'local-policy',
      [DecisionAttributes.FALLBACK]: false,
    });
  });

  it('escalates "I want to speak to a human" to the configured destination, without speech', async () => {
    await nats.startApp();
    const bus = await nats.connect();
    await nats.publish(bus, transcribed('call-human', 'turn-1', 'my internet keeps dropping'));
    await nats.publish(bus, transcribed('call-human', 'turn-2', 'I want to speak to a human'));

    const stored = await eventsOf(bus, 'call-human', 5);
    await nats.settled(bus);
    const events = stored.map((s) => s.event);
    expect(escalationsIn(events)).toEqual([
      {
        reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
        detail: expect.stringContaining('caller asked for a person') as unknown,
        turnId: 'turn-2',
        summary: expect.stringContaining('"I want to speak to a human"') as unknown,
        callerName: '',
        destinationId: 'acme-support-desk',
      },
    ]);
    expect(repliesIn(events)[1]?.text).toBe(exampleProfile.lines.transition);
    // Only the first turn's reply is spoken: the saga says the transition line itself.
    const spoken = (await nats.speakRequests(bus, 'call-human')).map((s) => s.event.text);
    expect(spoken).toEqual([repliesIn(events)[0]?.text]);
  });

  it('requests the hang-up when the caller is done, leaving the goodbye to the orchestrator', async () => {
    await nats.startApp();
    const bus = await nats.connect();
    await nats.publish(bus, transcribed('call-bye', 'turn-1', "that's all, goodbye"));
    const events = (await eventsOf(bus, 'call-bye', 3)).map((s) => s.event);
    expect(hangupsIn(events)).toEqual([{ turnId: 'turn-1', detail: 'the caller is done' }]);
    expect(repliesIn(events)[0]?.text).toBe(exampleProfile.lines.goodbye);
    await nats.settled(bus);
    expect(await nats.speakRequests(bus, 'call-bye')).toHaveLength(0);
  });

  it('produces nothing new for a redelivered transcript', async () => {
    await nats.startApp();
    const bus = await nats.connect();
    const event = transcribed('call-dup', 'turn-1', 'is there a data cap');
    await nats.publish(bus, event);
    await eventsOf(bus, 'call-dup', 2);
    // The same transcript again (stt republishing it after the duplicate window).
    await nats.publish(bus, event, `${event.eventId}:again`);
    await nats.settled(bus);

    const events = (await nats.conversation(bus, 'call-dup')).map((s) => s.event);
    expect(events.filter((e) => e.payload?.$case === 'transcribed')).toHaveLength(2);
    expect(repliesIn(events)).toHaveLength(1);
    expect(await nats.speakRequests(bus, 'call-dup')).toHaveLength(1);
  });

  it('ignores calls that an SDK application handles', async () => {
    await nats.startApp();
    const bus = await nats.connect();
    await nats.publishCallEvent(bus, callStarted('call-sdk', CallHandler.CALL_HANDLER_SDK));
    await nats.publish(bus, transcribed('call-sdk', 'turn-1', 'what are your hours'));
    await nats.settled(bus);
    expect(await nats.conversation(bus, 'call-sdk')).toHaveLength(1);
    expect(await nats.speakRequests(bus, 'call-sdk')).toHaveLength(0);
  });
});
