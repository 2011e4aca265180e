import { createServer } from 'node:net';

/** The gateway's outbound pacing lateness histogram (the metric contract's name). */
export const LATENESS_METRIC = 'warmline_gateway_outbound_lateness_ms';

/** Cumulative bucket counts by upper bound (`+Inf` as Infinity). */
export type Buckets = ReadonlyMap<number, number>;

/** What the gateway itself saw in a window: frames sent and the bucket bounds p50/p99 fall in. */
export interface GatewayLateness {
  readonly n: number;
  /** Upper bound of the bucket holding the median (ms; Infinity above the last bound). */
  readonly p50AtMostMs: number;
  readonly p99AtMostMs: number;
}

/** A free loopback port for the gateway's metrics server. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

/** Reads the histogram's buckets from a Prometheus text page (summed over label sets). */
export const parseBuckets = (page: string, metric = LATENESS_METRIC): Buckets => {
  const buckets = new Map<number, number>();
  const pattern = new RegExp(`^${metric}_bucket\\{(?:[^}]*,)?le="([^"]+)"[^}]*\\} (\\S+)`);
  for (const line of page.split('\n')) {
    const match = pattern.exec(line);
    if (!match) continue;
    const le = match[1] === '+Inf' ? Infinity : Number(match[1]);
    buckets.set(le, (buckets.get(le) ?? 0) + Number(match[2]));
  }
  return buckets;
};

/** Scrapes the histogram; empty when the page is unreachable or has none yet. */
export const scrapeBuckets = async (metricsUrl: string): Promise<Buckets> => {
  try {
    const response = await fetch(metricsUrl);
    return parseBuckets(await response.text());
  } catch {
    return new Map();
  }
};

/** The window between two scrapes: frame count and the buckets the p50 and p99 fall in. */
export const latenessBetween = (before: Buckets, after: Buckets): GatewayLateness => {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const delta = bounds.map((le) => (after.get(le) ?? 0) - (before.get(le) ?? 0));
  const n = delta.at(-1) ?? 0;
  const at = (q: number) => {
    const index = delta.findIndex((count) => count >= q * n);
    return n === 0 || index < 0 ? NaN : bounds[index]!;
  };
  return { n, p50AtMostMs: at(0.5), p99AtMostMs: at(0.99) };
};
