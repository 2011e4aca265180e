import { createLogger, initTelemetry, telemetryEnv } from '@warmline/telemetry';
import { createApp } from './app';
import { loadContextStoreConfig } from './config';

/** Wiring only: config → telemetry → app → start; SIGTERM/SIGINT → stop. */
const main = async (): Promise<void> => {
  const config = loadContextStoreConfig();
  const telemetry = await initTelemetry({
    serviceName: 'context-store',
    ...(config.otlpEndpoint ? { otlpEndpoint: config.otlpEndpoint } : {}),
    ...telemetryEnv(),
  });
  const log = createLogger({
    service: 'context-store',
    level: config.logLevel,
    logPii: config.logPii,
  });
  const app = createApp({ config, log });

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      log.info({ signal }, 'stopping');
      telemetry.readiness.draining();
      await app.stop();
      await telemetry.shutdown();
      log.info('stopped');
    })();
    return stopping;
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM').then(() => process.exit(0)));
  process.once('SIGINT', () => void shutdown('SIGINT').then(() => process.exit(0)));

  try {
    const endpoints = await app.start();
    telemetry.readiness.ready(app.readinessChecks());
    log.info({ ...endpoints }, 'ready');
  } catch (error) {
    log.fatal({ err: error }, 'failed to start');
    await telemetry.shutdown();
    process.exit(1);
  }
};

void main();
