import { connectBus } from '@warmline/bus';
import { createLogger, initTelemetry, natsCheck, telemetryEnv } from '@warmline/telemetry';
import { createApp } from './app';
import { loadSttConfig, type EngineConfig } from './config';
import { DeepgramRecognizer } from './engines/deepgram/deepgramRecognizer';
import { InstantRecognizer } from './engines/instant/instantRecognizer';
import { OpenAiRecognizer } from './engines/openai/openAiRecognizer';
import { PocketsphinxRecognizer } from './engines/pocketsphinx/pocketsphinxRecognizer';
import type { SpeechRecognizer } from './engines/recognition';

const SERVICE = 'stt';

const recognizerFor = async (
  engine: EngineConfig,
  maxStreams: number,
): Promise<SpeechRecognizer> => {
  switch (engine.kind) {
    case 'pocketsphinx': {
      const recognizer = new PocketsphinxRecognizer({ python: engine.python, maxStreams });
      await recognizer.start();
      return recognizer;
    }
    case 'deepgram':
      return new DeepgramRecognizer({ apiKey: engine.apiKey, baseUrl: engine.baseUrl });
    case 'openai':
      return new OpenAiRecognizer({
        apiKey: engine.apiKey,
        baseUrl: engine.baseUrl,
        model: engine.model,
      });
    case 'instant':
      return new InstantRecognizer(engine.transcript);
    default: {
      const never: never = engine;
      return never;
    }
  }
};

/** Wiring only: configuration → telemetry → engine, bus → app; SIGTERM/SIGINT stop it. */
async function main(): Promise<void> {
  const config = loadSttConfig();
  const telemetry = await initTelemetry({
    serviceName: SERVICE,
    ...(config.otlpEndpoint ? { otlpEndpoint: config.otlpEndpoint } : {}),
    ...telemetryEnv(),
  });
  const log = createLogger({ service: SERVICE, level: config.logLevel, logPii: config.logPii });
  const recognizer = await recognizerFor(config.engine, config.app.maxCalls);
  const bus = await connectBus({ servers: config.natsUrl, name: SERVICE });
  const app = createApp({ bus, recognizer, log, config: config.app, meter: telemetry.meter });

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string): void => {
    stopping ??= (async () => {
      log.info({ signal }, 'stopping');
      telemetry.readiness.draining();
      try {
        await app.stop();
        await recognizer.close();
        await bus.drain();
        await telemetry.shutdown();
        process.exit(0);
      } catch (error) {
        log.error({ err: error }, 'stop failed');
        process.exit(1);
      }
    })();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await app.start();
  telemetry.readiness.ready({
    nats: natsCheck(() => bus.nc),
    engine: () => recognizer.healthy?.() ?? true,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${SERVICE} failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
