/**
 * llm-decision's entry point: wiring only. Configuration → telemetry → profile → NATS →
 * createApp → start; SIGTERM or SIGINT → stop, drain NATS, flush telemetry.
 */
import { connectBus } from '@warmline/bus';
import { createLogger, initTelemetry, natsCheck, telemetryEnv } from '@warmline/telemetry';
import { loadProfileFile } from './adapters/profileFile';
import { createApp } from './app';
import { loadLlmDecisionConfig } from './config';

const SERVICE = 'llm-decision';

async function main(): Promise<void> {
  const config = loadLlmDecisionConfig();
  const telemetry = await initTelemetry({
    serviceName: SERVICE,
    ...(config.otlpEndpoint === undefined ? {} : { otlpEndpoint: config.otlpEndpoint }),
    ...(config.metricsPort === undefined ? {} : { metricsPort: config.metricsPort }),
    ...telemetryEnv(),
  });
  const log = createLogger({ service: SERVICE, level: config.logLevel, logPii: config.logPii });
  const profile = await loadProfileFile(config.profilePath);
  const bus = await connectBus({ servers: config.natsUrl, name: SERVICE });
  const app = createApp({ bus, config, profile, log, meter: telemetry.meter });
  await app.start();
  telemetry.readiness.ready({ nats: natsCheck(() => bus.nc) });

  let stopping: Promise<void> | undefined;
  const stop = (signal: string) => {
    stopping ??= (async () => {
      log.info({ signal }, 'stopping');
      telemetry.readiness.draining();
      await app.stop();
      await bus.drain();
      await telemetry.shutdown();
    })().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  createLogger({ service: SERVICE }).fatal({ err: error }, 'llm-decision failed to start');
  process.exit(1);
});
