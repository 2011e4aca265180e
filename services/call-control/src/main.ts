import { createLogger, initTelemetry, telemetryEnv } from '@warmline/telemetry';
import { createApp } from './app';
import { loadCallControlConfig } from './config';

const SERVICE = 'call-control';

/** Wiring only: configuration → telemetry → app; SIGTERM/SIGINT stop it gracefully. */
async function main(): Promise<void> {
  const config = loadCallControlConfig();
  const telemetry = await initTelemetry({
    serviceName: SERVICE,
    ...(config.otlpEndpoint ? { otlpEndpoint: config.otlpEndpoint } : {}),
    ...telemetryEnv(),
  });
  const log = createLogger({ service: SERVICE, level: config.logLevel, logPii: config.logPii });
  const app = createApp({ config, log });

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      log.info({ signal }, 'stopping');
      telemetry.readiness.draining();
      try {
        await app.stop();
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
  telemetry.readiness.ready(app.readinessChecks());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${SERVICE} failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
