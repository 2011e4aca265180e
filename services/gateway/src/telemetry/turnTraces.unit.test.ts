import { ROOT_CONTEXT, context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { AudioFrame } from '@warmline/contracts';
import { type Telemetry, callIdOf, initTelemetry, withCallBaggage } from '@warmline/telemetry';
import { TurnTraces } from './turnTraces';

const agentFrame = (utteranceId: string, last = false) =>
  AudioFrame.fromPartial({ callId: 'c1', utteranceId, endOfUtterance: last, ingressAtMs: 1_000 });

describe('TurnTraces', () => {
  let telemetry: Telemetry;
  // A fresh exporter per test: shutdown() shuts it down with the provider.
  let exporter: InMemorySpanExporter;
  const hops: [string, string, number, number][] = [];
  let traces: TurnTraces;

  beforeEach(async () => {
    exporter = new InMemorySpanExporter();
    hops.length = 0;
    telemetry = await initTelemetry({ serviceName: 'gateway', spanExporter: exporter });
    traces = new TurnTraces(
      (from, to, sent, received) => hops.push([from, to, sent, received]),
      () => 1_040,
    );
    traces.open('c1');
  });
  afterEach(() => telemetry.shutdown());

  const spans = () => exporter.getFinishedSpans();

  it('caller frames carry one root caller-turn span with the call id as baggage', () => {
    const seen = [1, 2].map(() =>
      traces.callerFrame('c1', () => ({
        span: trace.getSpanContext(context.active()),
        callId: callIdOf(context.active()),
      })),
    );
    expect(seen[0]?.span?.spanId).toBeDefined();
    expect(seen[1]?.span?.spanId).toBe(seen[0]?.span?.spanId);
    expect(seen.map((s) => s.callId)).toEqual(['c1', 'c1']);
  });

  it("the reply's first frame closes the caller turn and opens gateway.play under the tts span", () => {
    const callerTurn = traces.callerFrame('c1', () => trace.getSpanContext(context.active()));
    const tts = trace.getTracer('test').startSpan('tts.speak');
    const ttsContext = withCallBaggage(trace.setSpan(ROOT_CONTEXT, tts), 'c1');
    traces.agentFrame(agentFrame('u1'), ttsContext);
    traces.agentFrame(agentFrame('u1'), ttsContext);
    traces.agentFrame(agentFrame('u1', true), ttsContext);
    tts.end();

    const byName = (name: string) => spans().filter((s) => s.name === name);
    expect(byName('gateway.caller-turn').map((s) => s.spanContext().spanId)).toEqual([
      callerTurn?.spanId,
    ]);
    const [play] = byName('gateway.play');
    expect(byName('gateway.play')).toHaveLength(1);
    expect(play?.parentSpanContext?.spanId).toBe(tts.spanContext().spanId);
    expect(play?.attributes).toMatchObject({
      'warmline.call.id': 'c1',
      'warmline.stage': 'gateway',
      'warmline.utterance.id': 'u1',
    });
    expect(hops).toEqual([['tts', 'gateway', 1_000, 1_040]]);

    // The caller's next words start a new trace.
    const next = traces.callerFrame('c1', () => trace.getSpanContext(context.active()));
    expect(next?.traceId).not.toBe(callerTurn?.traceId);
  });

  it('a call it does not follow is published without a trace, and close ends open spans', () => {
    expect(
      traces.callerFrame('other', () => trace.getSpanContext(context.active())),
    ).toBeUndefined();
    traces.callerFrame('c1', () => undefined);
    traces.close('c1');
    expect(spans().map((s) => s.name)).toEqual(['gateway.caller-turn']);
  });
});
