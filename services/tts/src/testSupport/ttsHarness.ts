import { type Bus, connectBus, protoCodec, publishToStream } from '@warmline/bus';
import { SpeakRequest, streams, subjects } from '@warmline/contracts';
import { type NatsServerHandle, startNatsServer } from '@warmline/testing';
import { createLogger, initTelemetry, type Telemetry } from '@warmline/telemetry';
import { createApp, type TtsApp } from '../app';
import { fliteSpec } from '../engines/local/flite';
import { LocalEngine } from '../engines/local/localEngine';
import type { SpeechEngine } from '../engines/speechEngine';
import { DEFAULT_SETTINGS, type TtsSettings } from '../service/ttsSettings';
import { type FrameListener, listenFrames } from './frameListener';

/** A JSON log line the service wrote. */
export type LogLine = Record<string, unknown> & { msg?: string };

/** One running replica of the service under test. */
export interface Replica {
  readonly app: TtsApp;
  readonly bus: Bus;
  readonly logs: LogLine[];
}

const requestCodec = protoCodec(SpeakRequest);

/**
 * A real nats-server (JetStream) and real telemetry (W3C propagation, a
 * Prometheus endpoint on a free port) for one test file; replicas of the tts
 * service started on them with the real flite engine unless told otherwise.
 * Everything is stopped in afterAll.
 */
export const useTts = () => {
  let nats: NatsServerHandle | undefined;
  let telemetry: Telemetry | undefined;
  const buses: Bus[] = [];
  const replicas: Replica[] = [];
  let seq = 0;

  beforeAll(async () => {
    nats = await startNatsServer();
    telemetry = await initTelemetry({ serviceName: 'tts-test', metricsPort: 0 });
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.app.stop()));
    await Promise.all(buses.map((b) => b.close()));
    await nats?.stop();
    await telemetry?.shutdown();
  });

  const connect = async (name = 'test'): Promise<Bus> => {
    if (!nats) throw new Error('nats-server not started');
    const bus = await connectBus({ servers: nats.url, name, reconnectTimeWaitMs: 50 });
    buses.push(bus);
    return bus;
  };

  return {
    connect,
    /** Starts a replica; `settings` override the defaults. */
    start: async (
      options: { engine?: SpeechEngine; settings?: Partial<TtsSettings> } = {},
    ): Promise<Replica> => {
      const bus = await connect('tts');
      const logs: LogLine[] = [];
      const logger = createLogger({
        service: 'tts',
        level: 'debug',
        destination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
      });
      const app = createApp({
        bus,
        engine: options.engine ?? new LocalEngine(fliteSpec),
        logger,
        meter: telemetry!.meter,
        settings: { ...DEFAULT_SETTINGS, ...options.settings },
      });
      await app.start();
      const replica = { app, bus, logs };
      replicas.push(replica);
      return replica;
    },
    /** Publishes a SpeakRequest to the work queue (ids made unique unless given). */
    speak: async (
      bus: Bus,
      request: Partial<SpeakRequest> & { callId: string },
    ): Promise<SpeakRequest> => {
      seq++;
      const value = SpeakRequest.fromPartial({
        requestId: `req-${seq}`,
        utteranceId: `utt-${seq}`,
        text: 'Thank you for calling.',
        sampleRate: 8000,
        issuedAtMs: Date.now(),
        ...request,
      });
      await publishToStream(bus, subjects.speak(value.callId), requestCodec, value, {
        msgId: value.requestId,
      });
      return value;
    },
    listen: (bus: Bus, callId: string): FrameListener => listenFrames(bus, callId),
    /** The Prometheus text of the test process's metrics. */
    metrics: async (): Promise<string> => (await fetch(telemetry!.metricsUrl!)).text(),
    /** Requests still in the work queue (0 once every request is acked or terminated). */
    queued: async (bus: Bus): Promise<number> =>
      (await bus.jsm.streams.info(streams.speak.name)).state.messages,
  };
};

/** The value of a Prometheus counter (summed over its label sets). */
export const counterValue = (text: string, name: string): number =>
  text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
