import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT_CONTEXT, context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { pcmToBytes } from '@warmline/audio';
import {
  type Bus,
  connectBus,
  createEventStore,
  ensureStreams,
  protoCodec,
  publish,
} from '@warmline/bus';
import { AudioFrame, ConversationEvent, KeywordHit, streams, subjects } from '@warmline/contracts';
import { type Telemetry, createLogger, initTelemetry, withCallBaggage } from '@warmline/telemetry';
import {
  type NatsServerHandle,
  loadCallerAudio,
  startNatsServer,
  waitFor,
} from '@warmline/testing';
import { createApp, type SttApp } from '../app';
import { PocketsphinxRecognizer } from '../engines/pocketsphinx/pocketsphinxRecognizer';
import { frames, noise, silence } from '../testSupport/signals';

const RATE = 8000;
const CALL_ID = 'call-trace-1';

/**
 * The real stt (pocketsphinx, NATS) with telemetry: a caller asking for a human is flagged on
 * CallerTranscribed.keyword_hit, the utterance is one `stt.recognise` span continuing the trace
 * the caller frames carried (call id and stage on it and on the append below it), and the
 * contract metrics are served.
 */
describe('stt telemetry and keyword_hit', () => {
  let nats: NatsServerHandle;
  let bus: Bus;
  let telemetry: Telemetry;
  let recognizer: PocketsphinxRecognizer;
  let app: SttApp;
  const exporter = new InMemorySpanExporter();
  const dir = mkdtempSync(path.join(tmpdir(), 'stt-telemetry-'));

  beforeAll(async () => {
    telemetry = await initTelemetry({ serviceName: 'stt', spanExporter: exporter, metricsPort: 0 });
    nats = await startNatsServer();
    bus = await connectBus({ servers: nats.url, name: 'stt-telemetry-test' });
    await ensureStreams(bus, [streams.conversationEvents]);
    recognizer = new PocketsphinxRecognizer({ maxStreams: 2 });
    await recognizer.start();
    app = createApp({
      bus,
      recognizer,
      log: createLogger({ service: 'stt', level: 'silent' }),
      config: { replicaId: 'r1', leaseTtlMs: 3_000, maxCalls: 4, idleMs: 30_000, turnTaking: {} },
      meter: telemetry.meter,
    });
    await app.start();
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await recognizer?.close();
    await bus?.close();
    await nats?.stop();
    await telemetry?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('flags the request, continues the caller trace in one span, and measures it', async () => {
    const caller = trace.getTracer('test').startSpan('gateway.caller-turn');
    const callerContext = withCallBaggage(trace.setSpan(ROOT_CONTEXT, caller), CALL_ID);
    let sequence = 0;
    const send = (samples: Int16Array) => {
      for (const frame of frames(samples, RATE / 50)) {
        context.with(callerContext, () =>
          publish(bus, subjects.mediaIn(CALL_ID), protoCodec(AudioFrame), {
            callId: CALL_ID,
            sampleRate: RATE,
            sequence,
            timestampMs: sequence * 20,
            pcm: pcmToBytes(frame),
            utteranceId: '',
            endOfUtterance: false,
            ingressAtMs: Date.now(),
          }),
        );
        sequence += 1;
      }
    };
    await waitFor(
      () => {
        if (app.ownedCalls.includes(CALL_ID)) return true;
        send(noise(20, -65, sequence, RATE));
        return undefined;
      },
      { intervalMs: 20, describe: () => 'stt to take the call' },
    );
    const wav = path.join(dir, 'human.wav');
    execFileSync('flite', ['-voice', 'slt', '-t', 'I want to speak to a human please.', '-o', wav]);
    send(silence(300, RATE));
    send(loadCallerAudio(wav, RATE));
    send(silence(1500, RATE));

    const store = createEventStore({
      bus,
      stream: streams.conversationEvents.name,
      codec: protoCodec(ConversationEvent),
      eventId: (e) => e.eventId,
    });
    const transcribed = await waitFor(
      async () => {
        const { events } = await store.read(subjects.conversationEvents(CALL_ID));
        const found = events.find((s) => s.event.payload?.$case === 'transcribed')?.event.payload;
        return found?.$case === 'transcribed' ? found.value : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100, describe: () => 'CallerTranscribed' },
    );
    expect(transcribed.keywordHit).toBe(KeywordHit.KEYWORD_HIT_HUMAN_REQUEST);

    const recognise = await waitFor(
      () => exporter.getFinishedSpans().find((s) => s.name === 'stt.recognise'),
      { describe: () => 'the stt.recognise span' },
    );
    expect(recognise.spanContext().traceId).toBe(caller.spanContext().traceId);
    expect(recognise.parentSpanContext?.spanId).toBe(caller.spanContext().spanId);
    expect(recognise.attributes).toMatchObject({
      'warmline.call.id': CALL_ID,
      'warmline.stage': 'stt',
      'warmline.turn.id': transcribed.turnId,
      'warmline.stt.outcome': 'transcribed',
      'warmline.stt.keyword_hit': 'human-request',
    });
    // The appends ran inside it, and their spans carry the call id too (baggage).
    const children = exporter
      .getFinishedSpans()
      .filter((s) => s.parentSpanContext?.spanId === recognise.spanContext().spanId);
    expect(children.length).toBeGreaterThan(0);
    for (const child of children) {
      expect(child.attributes).toMatchObject({
        'warmline.call.id': CALL_ID,
        'warmline.stage': 'stt',
      });
    }

    const text = await (await fetch(telemetry.metricsUrl!)).text();
    expect(text).toMatch(
      /^warmline_stt_end_of_speech_to_transcript_ms_count\{[^}]*engine="pocketsphinx"[^}]*\} 1$/m,
    );
    expect(text).toMatch(/^warmline_stt_calls_active(\{[^}]*\})? 1$/m);
    expect(text).toMatch(
      /^warmline_turn_platform_overhead_ms_count\{from="gateway",to="stt"[^}]*\} 1$/m,
    );
    caller.end();
  }, 60_000);
});
