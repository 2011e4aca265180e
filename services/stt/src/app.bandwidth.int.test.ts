import { pcmToBytes, resample } from '@warmline/audio';
import { type Bus, connectBus, ensureStreams, protoCodec, publish } from '@warmline/bus';
import { AudioFrame, streams, subjects } from '@warmline/contracts';
import { createLogger } from '@warmline/telemetry';
import { type NatsServerHandle, startNatsServer, waitFor } from '@warmline/testing';
import { createApp, type SttApp } from './app';
import { concat, frames, mix, noise, silence, syllables } from './testSupport/signals';
import { ScriptedRecognizer } from './testSupport/scriptedRecognizer';

/**
 * The gateway publishes caller audio at 16 kHz whatever the line (it resamples G.711's 8 kHz):
 * stt must still recognise a phone call with its telephone-channel decoders.
 */
const BUS_RATE = 16_000;
const log = createLogger({ service: 'stt-test', level: 'silent' });
const frameCodec = protoCodec(AudioFrame);

const send = (bus: Bus, callId: string, samples: Int16Array, from: number): number => {
  let sequence = from;
  for (const frame of frames(samples, BUS_RATE / 50)) {
    publish(bus, subjects.mediaIn(callId), frameCodec, {
      callId,
      sampleRate: BUS_RATE,
      sequence,
      timestampMs: sequence * 20,
      pcm: pcmToBytes(frame),
      utteranceId: '',
      endOfUtterance: false,
      ingressAtMs: Date.now(),
    });
    sequence += 1;
  }
  return sequence;
};

/** Speech with a little line noise, made at `rate`. */
const speechAt = (rate: number): Int16Array => {
  const s = concat(silence(300, rate), syllables(6, -20, rate), silence(1200, rate));
  return mix(noise(s.length / (rate / 1000), -50, 9, rate), s);
};

describe('stt service: telephone audio at the bus rate', () => {
  let nats: NatsServerHandle;
  let bus: Bus;
  let app: SttApp;
  let replicaBus: Bus;
  const recognizer = new ScriptedRecognizer(() => ({
    partialAfterFrames: 1_000,
    partial: '',
    final: 'hello',
  }));

  beforeAll(async () => {
    nats = await startNatsServer();
    bus = await connectBus({ servers: nats.url, name: 'test' });
    await ensureStreams(bus, [streams.conversationEvents]);
    replicaBus = await connectBus({ servers: nats.url, name: 'stt' });
    app = createApp({
      bus: replicaBus,
      recognizer,
      log,
      config: { replicaId: 'r', leaseTtlMs: 3_000, maxCalls: 8, idleMs: 30_000, turnTaking: {} },
    });
    await app.start();
  });

  afterAll(async () => {
    await app?.stop();
    await replicaBus?.close();
    await bus?.close();
    await nats?.stop();
  });

  const call = async (callId: string, audio: Int16Array) => {
    let sequence = 0;
    await waitFor(
      () => {
        if (app.ownedCalls.includes(callId)) return true;
        sequence = send(bus, callId, silence(20, BUS_RATE), sequence);
        return undefined;
      },
      { intervalMs: 20 },
    );
    const opened = recognizer.opened.length;
    send(bus, callId, audio, sequence);
    return waitFor(() => recognizer.opened[opened]);
  };

  it('opens telephone recognition for a phone line resampled to 16 kHz, wideband for wideband audio', async () => {
    const phoneLine = resample(speechAt(8_000), 8_000, BUS_RATE);
    expect(await call('call-phone', phoneLine)).toEqual({ sourceRate: 8_000 });
    expect(await call('call-wideband', speechAt(BUS_RATE))).toEqual({ sourceRate: BUS_RATE });
  });
});
