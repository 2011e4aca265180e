import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePorts, type ManagedProcess, startProcess, waitFor } from '@warmline/testing';

/** Debian's `prometheus` (scripts/setup.sh installs it; its system service is disabled). */
const PROMETHEUS = '/usr/bin/prometheus';

/** A Prometheus server of the test's own: loopback web port, storage in a temp dir. */
export interface TestPrometheus {
  readonly url: string;
  readonly process: ManagedProcess;
  /** Runs an instant PromQL query; the result vector. */
  query(promql: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  /** Scrape targets with their health (`up`, `down`, `unknown`). */
  targets(): Promise<{ scrapeUrl: string; health: string; lastError: string }[]>;
  /** Stops the server by PID and removes its storage. */
  stop(): Promise<void>;
}

interface ApiResponse<T> {
  status: string;
  data: T;
  error?: string;
}

const api = async <T>(url: string): Promise<T> => {
  const response = await fetch(url);
  const body = (await response.json()) as ApiResponse<T>;
  if (body.status !== 'success') throw new Error(`prometheus: ${body.error ?? response.status}`);
  return body.data;
};

/** Scrapes each `host:port` target's `/metrics` every second (job `warmline`). */
export const startPrometheus = async (targets: readonly string[]): Promise<TestPrometheus> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'warmline-prometheus-'));
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    'scrape_configs:',
    '  - job_name: warmline',
    '    metrics_path: /metrics',
    '    static_configs:',
    `      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`,
    '',
  ].join('\n');
  await writeFile(path.join(dir, 'prometheus.yml'), config);
  const [port] = await freePorts(1);
  const listen = `127.0.0.1:${port}`;
  const process = startProcess(PROMETHEUS, [
    `--config.file=${path.join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    `--web.listen-address=${listen}`,
    '--storage.tsdb.retention.time=1h',
  ]);
  const url = `http://${listen}`;
  const stop = async () => {
    await process.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      async () => {
        if (process.exitStatus()) throw new Error(`prometheus exited:\n${process.output()}`);
        const ready = await fetch(`${url}/-/ready`).catch(() => undefined);
        return ready?.ok ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, describe: () => `prometheus ready at ${url}` },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    process,
    query: async (promql) =>
      (
        await api<{ result: { metric: Record<string, string>; value: [number, string] }[] }>(
          `${url}/api/v1/query?query=${encodeURIComponent(promql)}`,
        )
      ).result,
    targets: async () =>
      (
        await api<{ activeTargets: { scrapeUrl: string; health: string; lastError: string }[] }>(
          `${url}/api/v1/targets`,
        )
      ).activeTargets,
    stop,
  };
};
