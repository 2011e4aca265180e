import { connectBus } from '@warmline/bus';
import { createLogger, initTelemetry, natsCheck, telemetryEnv } from '@warmline/telemetry';
import { createApp } from './app';
import { loadOrchestratorConfig } from './config';
import { createSagaMetrics } from './telemetry/sagaMetrics';

/** Wiring only: config → telemetry → bus → app; SIGTERM/SIGINT → stop, drain. */
const main = async (): Promise<void> => {
  const config = loadOrchestratorConfig();
  const telemetry = await initTelemetry({
    serviceName: 'orchestrator',
    ...(config.otlpEndpoint === undefined ? {} : { otlpEndpoint: config.otlpEndpoint }),
    ...(config.metricsPort === undefined ? {} : { metricsPort: config.metricsPort }),
    ...telemetryEnv(),
  });
  const log = createLogger({
    service: 'orchestrator',
    level: config.logLevel,
    logPii: config.logPii,
  });
  const bus = await connectBus({ servers: config.natsUrl, name: 'orchestrator' });
  const app = createApp({ bus, config, log, metrics: createSagaMetrics(telemetry.meter) });

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) =>
    (stopping ??= (async () => {
      log.info({ signal }, 'orchestrator stopping');
      telemetry.readiness.draining();
      await app.stop();
      await bus.drain();
      await telemetry.shutdown();
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'orchestrator did not stop cleanly');
          process.exit(1);
        },
      );
    });
  }
  await app.start();
  telemetry.readiness.ready({ nats: natsCheck(() => bus.nc) });
};

main().catch((error: unknown) => {
  process.stderr.write(`orchestrator failed to start: ${String(error)}\n`);
  process.exit(1);
});
