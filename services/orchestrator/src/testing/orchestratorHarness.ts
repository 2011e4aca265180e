import path from 'node:path';
import type { Bus } from '@warmline/bus';
import { createLogger } from '@warmline/telemetry';
import { type ManagedProcess, startTsProcess, waitFor, waitForOutput } from '@warmline/testing';
import { durables, localStreams } from '../adapters/nats/localTopology';
import { type App, type AppDeps, createApp } from '../app';
import { loadOrchestratorConfig } from '../config';
import { streams } from '@warmline/contracts';

/** The service's own directory (where src/main.ts is). */
const serviceRoot = path.resolve(__dirname, '..', '..');

/** Starts the orchestrator in this process on `bus`, configured by `env` (as main.ts would be). */
export const startInProcessOrchestrator = async (
  bus: Bus,
  env: Record<string, string> = {},
  extra: Partial<Omit<AppDeps, 'bus' | 'config'>> = {},
): Promise<App> => {
  const config = loadOrchestratorConfig(env);
  const log = createLogger({ service: 'orchestrator', level: 'silent' });
  const app = createApp({ bus, config, log, ...extra });
  await app.start();
  return app;
};

/** Runs src/main.ts as its own process, and waits until it consumes. */
export const startOrchestratorProcess = async (
  natsUrl: string,
  env: Record<string, string> = {},
): Promise<ManagedProcess> => {
  const proc = startTsProcess('src/main.ts', {
    cwd: serviceRoot,
    env: { NATS_URL: natsUrl, LOG_LEVEL: 'info', ...env },
  });
  await waitForOutput(proc, /orchestrator ready/, { timeoutMs: 30_000 });
  return proc;
};

/** SIGKILL to the process group we started (no shutdown, no ack): a crash. */
export const killHard = async (proc: ManagedProcess): Promise<void> => {
  process.kill(-proc.pid, 'SIGKILL');
  await proc.exited;
};

const CONSUMERS = [
  [streams.conversationEvents.name, durables.conversation],
  [streams.callEvents.name, durables.calls],
  [streams.contextEvents.name, durables.context],
  [localStreams.timers.name, durables.timers],
] as const;

/**
 * Waits until the orchestrator has nothing pending and nothing unacked on any input consumer:
 * every input so far has been decided, appended, dispatched and acked.
 */
export const orchestratorSettled = (bus: Bus, timeoutMs = 20_000): Promise<true> =>
  waitFor(
    async () => {
      for (const [stream, durable] of CONSUMERS) {
        const info = await bus.jsm.consumers.info(stream, durable);
        if (info.num_pending > 0 || info.num_ack_pending > 0) return undefined;
      }
      return true;
    },
    { timeoutMs, describe: () => 'the orchestrator to ack every input' },
  );
