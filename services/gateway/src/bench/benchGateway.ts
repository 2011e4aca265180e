import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { BenchMode, BenchReply, GatewayWindow } from './benchProtocol';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The load steps: `BENCH_STEPS=10,25,50` or the benchmark's default ramp. */
export const benchLevels = (defaults: readonly number[]): readonly number[] =>
  process.env['BENCH_STEPS']
    ?.split(',')
    .map(Number)
    .filter((n) => n > 0) ?? defaults;

/**
 * The gateway process of a benchmark (`gatewayProcess.ts`), forked with
 * `BENCH_GATEWAY_NODE_ARGS` and, when `BENCH_PROFILE_DIR` is set, a CPU profile.
 */
export class BenchGateway {
  private constructor(
    private readonly child: ChildProcess,
    private readonly replies: BenchReply[],
    /** Where the load connects: the HTTP port for carrier streams, the SIP port for SIP calls. */
    readonly port: number,
  ) {}

  static async fork(natsUrl: string, mode: BenchMode): Promise<BenchGateway> {
    const profile = process.env['BENCH_PROFILE_DIR'];
    const child = fork(path.join(__dirname, 'gatewayProcess.js'), [natsUrl, mode], {
      stdio: 'inherit',
      execArgv: [
        ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
        ...(process.env['BENCH_GATEWAY_NODE_ARGS']?.split(' ').filter(Boolean) ?? []),
      ],
    });
    const replies: BenchReply[] = [];
    child.on('message', (message: BenchReply) => replies.push(message));
    const { port } = await next(replies, 'ready');
    return new BenchGateway(child, replies, port);
  }

  /** The gateway's measurements since the last report. */
  async report(): Promise<GatewayWindow> {
    this.child.send({ kind: 'report' });
    return next(this.replies, 'window');
  }

  /** Stops the gateway and waits for its process to exit. */
  async stop(): Promise<void> {
    const exited = once(this.child, 'exit');
    this.child.send({ kind: 'stop' });
    await exited;
  }
}

const next = async <K extends BenchReply['kind']>(
  replies: BenchReply[],
  kind: K,
): Promise<Extract<BenchReply, { kind: K }>> => {
  for (;;) {
    const index = replies.findIndex((r) => r.kind === kind);
    if (index >= 0) return replies.splice(index, 1)[0] as Extract<BenchReply, { kind: K }>;
    await sleep(20);
  }
};
