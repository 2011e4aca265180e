import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CallContext } from '@warmline/contracts';
import {
  CallWatcher,
  DEFAULT_CARRIER_ACCOUNT,
  fetchCallContext,
  type LocalStack,
  type LocalStackOptions,
  type LocalTwilioCarrier,
  ScriptedCall,
  startLocalStack,
  startLocalTwilioCarrier,
  type WatchedEvent,
} from '@warmline/local-stack';

/** The running stack, carrier and watcher of one test file. */
export interface E2eStack {
  readonly stack: LocalStack;
  readonly carrier: LocalTwilioCarrier;
  readonly watcher: CallWatcher;
  /** A new call from the test caller to the Warmline number. */
  call(): Promise<ScriptedCall>;
}

/**
 * Starts the whole local stack (real nats-server, FerretDB and the seven services as processes),
 * the local Twilio stand-in and a watcher for the file's tests; stops everything afterwards.
 * Service logs go to `$TMPDIR/warmline-e2e-<file>.log` (the path is printed once).
 */
export const useStack = (options: LocalStackOptions = {}): (() => E2eStack) => {
  let running: E2eStack | undefined;
  const logFile = path.join(
    tmpdir(),
    `warmline-e2e-${path.basename(expect.getState().testPath ?? 'stack', '.e2e.test.ts')}.log`,
  );
  const log = createWriteStream(logFile);
  beforeAll(async () => {
    process.stdout.write(`service logs: ${logFile}\n`);
    const carrier = await startLocalTwilioCarrier(DEFAULT_CARRIER_ACCOUNT);
    try {
      const stack = await startLocalStack({
        carrierApiBaseUrl: carrier.baseUrl,
        logs: (line) => log.write(`${line.formatted}\n`),
        ...options,
      });
      const watcher = await CallWatcher.start(stack.natsUrl);
      running = {
        stack,
        carrier,
        watcher,
        call: () => ScriptedCall.place(carrier, stack.gateway!.twilioStreamUrl, watcher),
      };
    } catch (err) {
      await carrier.close();
      throw err;
    }
  }, 120_000);
  afterAll(async () => {
    await running?.watcher.close();
    await running?.carrier.close();
    await running?.stack.stop();
    log.end();
  }, 60_000);
  return () => {
    if (!running) throw new Error('the stack did not start');
    return running;
  };
};

/** The payload of a watched event when it is `$case` of `stream`. */
export const payloadOf = <S extends WatchedEvent['stream']>(
  watched: WatchedEvent,
  stream: S,
  $case: string,
): Record<string, unknown> | undefined => {
  if (watched.stream !== stream || watched.stream === 'context') return undefined;
  const payload = watched.event.payload as
    { $case: string; value: Record<string, unknown> } | undefined;
  return payload?.$case === $case ? payload.value : undefined;
};

/** Root mean square of PCM samples. */
export const rms = (samples: Int16Array): number => {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
};

/** How many 20 ms frames (at 8 kHz) carry sound rather than silence. */
export const audibleFrames = (frames: readonly Int16Array[]): number =>
  frames.filter((f) => rms(f) > 200).length;

/** The text the caller heard, when the event is an AgentSpeechPlayed ('' otherwise). */
export const heardTextOf = (watched: WatchedEvent): string =>
  watched.stream === 'conversation' && watched.event.payload?.$case === 'speechPlayed'
    ? watched.event.payload.value.heardText
    : '';

/**
 * The saved context of a call once `ready` holds for it: context-store folds events as they come,
 * so right after a call ends its document may be a moment behind.
 */
export const contextWhen = async (
  grpcAddress: string,
  callId: string,
  ready: (context: CallContext) => boolean,
  timeoutMs = 10_000,
): Promise<CallContext> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const context = await fetchCallContext(grpcAddress, callId).catch(() => undefined);
    if (context && ready(context)) return context;
    if (Date.now() > deadline) {
      throw new Error(
        `the context of ${callId} did not reach the expected state in ${timeoutMs} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};
