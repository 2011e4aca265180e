import { connectBus } from '@warmline/bus';
import { createLogger, initTelemetry, natsCheck, telemetryEnv } from '@warmline/telemetry';
import { createApp } from './app';
import { readConfig } from './config';

/** Wiring only: config → telemetry → bus → app; SIGTERM/SIGINT → stop. */
const main = async (): Promise<void> => {
  const config = readConfig();
  const telemetry = await initTelemetry({
    serviceName: 'gateway',
    otlpEndpoint: config.otlpEndpoint,
    metricsPort: config.metricsPort,
    ...telemetryEnv(),
  });
  const logger = createLogger({
    service: 'gateway',
    level: config.logLevel,
    logPii: config.logPii,
  });
  const bus = await connectBus({ servers: config.natsUrl, name: `gateway-${config.gatewayId}` });
  const app = createApp({ config, bus, logger, meter: telemetry.meter });
  await app.start();
  telemetry.readiness.ready({ nats: natsCheck(() => bus.nc) });
  logger.info('ready');

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    telemetry.readiness.draining();
    await app.stop();
    await bus.drain();
    await telemetry.shutdown();
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
};

main().catch((error: unknown) => {
  process.stderr.write(
    `gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
