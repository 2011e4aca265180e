import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CallWatcher,
  DEFAULT_CARRIER_ACCOUNT,
  type LocalStack,
  ScriptedCall,
  SipPhone,
  startLocalStack,
} from '@warmline/local-stack';

/** The stack with its SIP trunk, two real SIP phones (baresip) and a watcher, for one test file. */
export interface SipE2eStack {
  readonly stack: LocalStack;
  readonly watcher: CallWatcher;
  /** The caller's phone (`sip:+15550100200@…`, rings nobody, plays what it is told to say). */
  readonly caller: SipPhone;
  /** The human's line (`sip:human@…`, auto-answers, records what it hears). */
  readonly human: SipPhone;
  /** The caller dials the gateway's SIP URI; resolves once the call has its id. */
  call(): Promise<ScriptedCall<SipPhone>>;
}

/**
 * Starts two baresip phones, then the whole local stack with the gateway's SIP trunk (`connect()`
 * rings the human's baresip) and a watcher; stops everything afterwards. Service logs go to
 * `$TMPDIR/warmline-e2e-<file>.log`.
 */
export const useSipStack = (): (() => SipE2eStack) => {
  let running: SipE2eStack | undefined;
  const logFile = path.join(
    tmpdir(),
    `warmline-e2e-${path.basename(expect.getState().testPath ?? 'stack', '.e2e.test.ts')}.log`,
  );
  const log = createWriteStream(logFile);
  const phones: SipPhone[] = [];
  beforeAll(async () => {
    process.stdout.write(`service logs: ${logFile}\n`);
    const human = await SipPhone.start('human', 'auto');
    phones.push(human);
    const caller = await SipPhone.start(DEFAULT_CARRIER_ACCOUNT.callerNumber, 'manual');
    phones.push(caller);
    const stack = await startLocalStack({
      sip: { calleeUri: human.uri },
      logs: (line) => log.write(`${line.formatted}\n`),
    });
    const watcher = await CallWatcher.start(stack.natsUrl).catch(async (err: unknown) => {
      await stack.stop();
      throw err;
    });
    running = {
      stack,
      watcher,
      caller,
      human,
      call: async () =>
        ScriptedCall.follow(caller, await caller.dial(stack.gateway!.sip!.uri), watcher),
    };
  }, 120_000);
  afterAll(async () => {
    await running?.watcher.close();
    await running?.stack.stop();
    for (const phone of phones) await phone.stop();
    log.end();
  }, 60_000);
  return () => {
    if (!running) throw new Error('the stack did not start');
    return running;
  };
};
