import { pcmToBytes } from '@warmline/audio';
import {
  type Bus,
  connectBus,
  createEventStore,
  ensureStreams,
  onMessage,
  protoCodec,
  publish,
} from '@warmline/bus';
import {
  AudioFrame,
  CancelSpeech,
  ConversationEvent,
  PartialTranscript,
  PlaybackControl,
  PlaybackProgress,
  streams,
  subjects,
} from '@warmline/contracts';
import { createLogger } from '@warmline/telemetry';
import { type NatsServerHandle, startNatsServer, waitFor } from '@warmline/testing';
import { createApp, type SttApp } from './app';
import { concat, frames, mix, noise, silence, syllables } from './testSupport/signals';
import { ScriptedRecognizer } from './testSupport/scriptedRecognizer';

const RATE = 8000;
const log = createLogger({ service: 'stt-test', level: 'silent' });
const frameCodec = protoCodec(AudioFrame);

/** A caller line at 8 kHz as the gateway publishes it: 20 ms frames with media time. */
class CallerLine {
  private sequence = 0;
  constructor(
    private readonly bus: Bus,
    readonly callId: string,
  ) {}

  send(samples: Int16Array): void {
    for (const frame of frames(samples, RATE / 50)) {
      publish(this.bus, subjects.mediaIn(this.callId), frameCodec, {
        callId: this.callId,
        sampleRate: RATE,
        sequence: this.sequence,
        timestampMs: this.sequence * 20,
        pcm: pcmToBytes(frame),
        utteranceId: '',
        endOfUtterance: false,
        ingressAtMs: Date.now(),
      });
      this.sequence += 1;
    }
  }

  /** Sends quiet line noise until `owned()` says a replica has taken the call. */
  async until(owned: () => boolean): Promise<void> {
    await waitFor(
      () => {
        if (owned()) return true;
        this.send(noise(20, -65, this.sequence, RATE));
        return undefined;
      },
      { intervalMs: 20, describe: () => `a replica to take ${this.callId}` },
    );
  }
}

const speech = (count: number): Int16Array => {
  const s = concat(silence(300, RATE), syllables(count, -20, RATE), silence(1200, RATE));
  return mix(noise(s.length / 8, -62, 9, RATE), s);
};

describe('stt service', () => {
  let nats: NatsServerHandle;
  let bus: Bus;
  const apps: SttApp[] = [];
  const buses: Bus[] = [];
  const store = () =>
    createEventStore({
      bus,
      stream: streams.conversationEvents.name,
      codec: protoCodec(ConversationEvent),
      eventId: (e) => e.eventId,
    });
  const cases = async (callId: string): Promise<string[]> =>
    (await store().read(subjects.conversationEvents(callId))).events.map(
      (s) => s.event.payload?.$case ?? '?',
    );

  const startReplica = async (
    replicaId: string,
    recognizer: ScriptedRecognizer,
    leaseTtlMs = 3_000,
  ): Promise<SttApp> => {
    const replicaBus = await connectBus({ servers: nats.url, name: replicaId });
    buses.push(replicaBus);
    const app = createApp({
      bus: replicaBus,
      recognizer,
      log,
      config: { replicaId, leaseTtlMs, maxCalls: 8, idleMs: 30_000, turnTaking: {} },
    });
    await app.start();
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    nats = await startNatsServer();
    bus = await connectBus({ servers: nats.url, name: 'test' });
    await ensureStreams(bus, [streams.conversationEvents]);
  });

  afterEach(async () => {
    // every replica hears every call's frames: stop this test's replicas before the next test
    for (const app of apps.splice(0)) await app.stop().catch(() => undefined);
  });

  afterAll(async () => {
    for (const b of [...buses, bus]) await b?.close();
    await nats?.stop();
  });

  it('records a caller turn (started, ended, transcribed) and publishes partials on core NATS', async () => {
    const recognizer = new ScriptedRecognizer(() => ({
      partialAfterFrames: 20,
      partial: 'my account',
      final: 'my account number is four five six',
    }));
    const app = await startReplica('solo', recognizer);
    const line = new CallerLine(bus, 'call-a');
    const partials: string[] = [];
    const listener = onMessage(
      bus,
      subjects.partialTranscript('call-a'),
      protoCodec(PartialTranscript),
      (d) => partials.push(d.value.text),
    );
    await line.until(() => app.ownedCalls.includes('call-a'));
    line.send(speech(6));
    await waitFor(async () => ((await cases('call-a')).includes('transcribed') ? true : undefined));
    const events = (await store().read(subjects.conversationEvents('call-a'))).events.map(
      (s) => s.event,
    );
    expect(events.map((e) => e.payload?.$case)).toEqual([
      'speechStarted',
      'speechEnded',
      'transcribed',
    ]);
    const transcribed = events[2]?.payload;
    expect(transcribed?.$case === 'transcribed' && transcribed.value).toMatchObject({
      text: 'my account number is four five six',
      confidence: 0.9,
      engine: 'scripted',
      turnId: events[0]?.payload?.$case === 'speechStarted' ? events[0].payload.value.turnId : '?',
    });
    expect(partials).toEqual(['my account']);
    expect(recognizer.opened).toEqual([{ sourceRate: 8000 }]);
    listener.unsubscribe();
  });

  it('on a real barge-in clears playback and cancels the reply; an uh-huh does neither', async () => {
    const recognizer = new ScriptedRecognizer((i) =>
      i === 0
        ? { partialAfterFrames: 22, partial: 'uh huh', final: 'uh huh' }
        : { partialAfterFrames: 22, partial: 'wait I need', final: 'wait i need a human' },
    );
    const app = await startReplica('barge', recognizer);
    const line = new CallerLine(bus, 'call-b');
    const clears: string[] = [];
    const cancels: string[] = [];
    const l1 = onMessage(bus, subjects.mediaControl('call-b'), protoCodec(PlaybackControl), (d) =>
      clears.push(d.value.action?.$case ?? '?'),
    );
    const l2 = onMessage(bus, subjects.cancelSpeech('call-b'), protoCodec(CancelSpeech), (d) =>
      cancels.push(d.value.utteranceId),
    );
    await line.until(() => app.ownedCalls.includes('call-b'));
    publish(bus, subjects.mediaProgress('call-b'), protoCodec(PlaybackProgress), {
      callId: 'call-b',
      utteranceId: 'reply-1',
      playedMs: 200,
      completed: false,
      interrupted: false,
    });
    await bus.nc.flush();
    await new Promise((resolve) => setTimeout(resolve, 100)); // the progress reaches the app before the speech
    line.send(speech(3)); // ~700 ms of "uh huh": long, but only backchannel words
    line.send(speech(8)); // a real interruption
    await waitFor(async () =>
      (await cases('call-b')).filter((c) => c === 'transcribed').length === 1 ? true : undefined,
    );
    expect(await cases('call-b')).toEqual([
      'speechStarted',
      'speechEnded',
      'speechStarted',
      'bargedIn',
      'speechEnded',
      'transcribed',
    ]);
    await waitFor(() => (clears.length > 0 && cancels.length > 0 ? true : undefined));
    expect([clears, cancels]).toEqual([['clear'], ['reply-1']]);
    l1.unsubscribe();
    l2.unsubscribe();
  });

  it('lets one replica own a call, and moves the call when that replica dies', async () => {
    const script = () => ({ partialAfterFrames: 10, partial: 'hello', final: 'hello there' });
    const a = await startReplica('replica-a', new ScriptedRecognizer(script), 1_000);
    const b = await startReplica('replica-b', new ScriptedRecognizer(script), 1_000);
    const line = new CallerLine(bus, 'call-c');
    await line.until(() => a.ownedCalls.includes('call-c') || b.ownedCalls.includes('call-c'));
    const [owner, other] = a.ownedCalls.includes('call-c') ? [a, b] : [b, a];
    line.send(speech(4));
    await waitFor(async () => ((await cases('call-c')).includes('transcribed') ? true : undefined));
    expect(other.ownedCalls).toEqual([]);
    await owner.crash(); // stops without releasing its lease
    await line.until(() => other.ownedCalls.includes('call-c')); // after the 1 s lease has expired
    line.send(speech(4));
    await waitFor(async () =>
      (await cases('call-c')).filter((c) => c === 'transcribed').length === 2 ? true : undefined,
    );
    expect(await cases('call-c')).toEqual([
      'speechStarted',
      'speechEnded',
      'transcribed',
      'speechStarted',
      'speechEnded',
      'transcribed',
    ]);
  });
});
