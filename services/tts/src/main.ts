import { connectBus } from '@warmline/bus';
import { createLogger, initTelemetry, natsCheck, telemetryEnv } from '@warmline/telemetry';
import { createApp } from './app';
import { loadTtsConfig } from './config';
import { createEngine } from './engines/createEngine';

/** Wiring only: config → telemetry → bus → engine → app; SIGTERM/SIGINT → stop. */
const main = async (): Promise<void> => {
  const config = loadTtsConfig();
  const telemetry = await initTelemetry({
    serviceName: 'tts',
    otlpEndpoint: config.otlpEndpoint,
    metricsPort: config.metricsPort,
    ...telemetryEnv(),
  });
  const logger = createLogger({ service: 'tts', level: config.logLevel, logPii: config.logPii });
  const bus = await connectBus({ servers: config.natsUrl, name: 'tts' });
  const app = createApp({
    bus,
    engine: createEngine(config.engine),
    logger,
    meter: telemetry.meter,
    settings: config.settings,
  });
  await app.start();
  telemetry.readiness.ready({ nats: natsCheck(() => bus.nc) });

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      logger.info({ signal }, 'tts stopping');
      telemetry.readiness.draining();
      await app.stop();
      await bus.drain();
      await telemetry.shutdown();
    })().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'tts stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
};

main().catch((err: unknown) => {
  createLogger({ service: 'tts' }).fatal({ err }, 'tts failed to start');
  process.exit(1);
});
