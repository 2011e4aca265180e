import { get } from 'node:http';

const getJson = (url: string): Promise<unknown> =>
  new Promise((resolve, reject) => {
    // no keep-alive agent: the probe itself must leave no socket or timer behind
    get(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      res.on('error', reject);
    }).on('error', reject);
  });

/** Subscriptions the NATS server holds for connections named `name` (from its monitoring endpoint). */
export const natsSubscriptions = async (monitorUrl: string, name: string): Promise<string[]> => {
  const body = (await getJson(`${monitorUrl}/connz?subs=1&limit=1024`)) as {
    connections?: { name?: string; subscriptions_list?: string[] }[];
  };
  return (body.connections ?? [])
    .filter((c) => c.name === name)
    .flatMap((c) => c.subscriptions_list ?? []);
};

/** Live timers in this process. */
export const activeTimers = (): number =>
  process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

/** Messages each JetStream stream holds, by stream name (from the server's monitoring endpoint). */
export const streamMessageCounts = async (monitorUrl: string): Promise<Record<string, number>> => {
  const body = (await getJson(`${monitorUrl}/jsz?streams=true`)) as {
    account_details?: { stream_detail?: { name: string; state?: { messages?: number } }[] }[];
  };
  const counts: Record<string, number> = {};
  for (const account of body.account_details ?? []) {
    for (const stream of account.stream_detail ?? []) {
      counts[stream.name] = stream.state?.messages ?? 0;
    }
  }
  return counts;
};
