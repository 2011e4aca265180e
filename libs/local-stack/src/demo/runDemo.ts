import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EscalationOutcome } from '@warmline/contracts';
import { CallWatcher } from '../call/callWatcher';
import { timelineLine, turnTimings } from '../call/timeline';
import { startLocalStack } from '../startLocalStack';
import { fetchCallContext } from './contextClient';
import { formatContext } from './formatContext';
import { sipTransport } from './sipTransport';
import { twilioTransport } from './twilioTransport';
import { clearStackState, writeStackState } from './stackState';

/** Options of the demo (`scripts/start.sh`). */
export interface DemoOptions {
  /** Keep the stack running after the call, until Ctrl-C. */
  readonly keep: boolean;
  readonly transport: 'twilio' | 'sip';
  readonly natsUrl?: string;
  readonly mongoUrl?: string;
  /** Service logs in the terminal too (default: only in the log file). */
  readonly verbose: boolean;
  /** Run the services from `dist/` (after `pnpm build`) rather than from source. */
  readonly runFrom: 'source' | 'dist';
  /** Where the demo's own output goes. */
  readonly out: (line: string) => void;
}

/** What the caller says, in order. */
export const DEMO_SCRIPT = [
  'Hi, I have a question about my bill.',
  'I want to speak to a human please.',
] as const;

const bold = (text: string) => `\u001b[1m${text}\u001b[0m`;
const seconds = (ms: number) => `+${(ms / 1000).toFixed(3).padStart(7)}s`;
const ms = (value: number | undefined) => (value === undefined ? '   –' : `${value}`.padStart(5));

/**
 * The first README command: starts the local stack, places one real call through it (the test
 * caller speaks the script; the built-in agent answers, replies, hands the caller to a human),
 * prints the live timeline and the stage timings, and ends with where to see the saved context.
 * Resolves with the process exit code.
 */
export const runDemo = async (options: DemoOptions): Promise<number> => {
  const { out } = options;
  const logDir = mkdtempSync(path.join(tmpdir(), 'warmline-demo-'));
  const logFile = path.join(logDir, 'services.log');
  const log = createWriteStream(logFile);
  out(
    bold(
      `Warmline: one real call end to end (${options.transport === 'sip' ? 'SIP' : 'Twilio Media Streams'})`,
    ),
  );
  out(`service logs: ${logFile}${options.verbose ? ' (and below)' : ''}`);

  const transport = options.transport === 'sip' ? await sipTransport() : await twilioTransport();
  for (const line of transport.intro) out(line);
  const started = Date.now();
  const stack = await startLocalStack({
    ...transport.stackOptions,
    runFrom: options.runFrom,
    ...(options.natsUrl ? { natsUrl: options.natsUrl } : {}),
    ...(options.mongoUrl ? { mongoUrl: options.mongoUrl } : {}),
    logs: (line) => {
      log.write(`${line.formatted}\n`);
      if (options.verbose || line.service === 'local-stack') out(line.formatted);
    },
  }).catch(async (err: unknown) => {
    await transport.close();
    throw err;
  });
  out(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  writeStackState({
    contextGrpcAddress: stack.contextStore?.grpcAddress ?? '',
    ...(stack.contextStore?.deskUrl ? { deskUrl: stack.contextStore.deskUrl } : {}),
    pid: process.pid,
  });
  const watcher = await CallWatcher.start(stack.natsUrl);
  let code: number;
  try {
    let t0 = Date.now();
    const print = (actor: string, text: string) =>
      out(`${seconds(Date.now() - t0)}  ${actor.padEnd(8)} ${text}`);
    watcher.onEvent((_callId, watched) => {
      const line = timelineLine(watched);
      if (line) print(line.actor, line.text);
    });

    out('');
    out(bold('Timeline (the caller speaks with flite, voice rms; recognised by pocketsphinx)'));
    t0 = Date.now();
    const call = await transport.place(stack, watcher, print);
    await call.greeted();
    await call.say(DEMO_SCRIPT[0]);
    const handoff = await call.say(DEMO_SCRIPT[1]);
    if (!handoff.escalation) {
      out(`the agent did not hear a request for a human (it heard “${handoff.transcript.text}”)`);
      code = 1;
    } else {
      const finished = await call.waitForCase('escalation', 'finished', 90_000);
      const outcome =
        finished.stream === 'escalation' && finished.event.payload?.$case === 'finished'
          ? finished.event.payload.value.outcome
          : undefined;
      code = outcome === EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED ? 0 : 1;
      await transport.talkToHumanAndHangUp(call, print);
    }
    const reported = await transport.report(logDir);
    if (reported.length > 0) {
      out('');
      out(bold("The human's line (baresip's sndfile recording)"));
      for (const line of reported) out(line);
    }

    out('');
    out(bold('Timings per caller turn (ms)'));
    out('  turn  end of speech → transcript  transcript → reply  reply → first audio');
    turnTimings(call.events(), (u) => watcher.firstAudioAt(call.callId, u)).forEach((t, i) =>
      out(
        `  ${String(i + 1).padStart(4)}  ${ms(t.speechEndToTranscriptMs).padStart(26)}  ${ms(t.transcriptToReplyMs).padStart(18)}  ${ms(t.replyToFirstAudioMs).padStart(19)}`,
      ),
    );
    out(
      '  end of speech: the caller frame that ended the turn (700 ms of silence after the words) entering the gateway;',
    );
    out('  first audio: the first agent frame out of tts (the gateway paces it to the caller)');

    if (stack.contextStore) {
      await new Promise((resolve) => setTimeout(resolve, 500)); // the projection catches up
      out('');
      out(bold('Saved context (context-store gRPC GetCallContext)'));
      const context = await fetchCallContext(stack.contextStore.grpcAddress, call.callId);
      for (const line of formatContext(context)) out(line);
      out('');
      out(bold('See it'));
      out(`  agent desk:  ${stack.contextStore.deskUrl ?? '(desk disabled)'}`);
      out(`  CLI:         pnpm context ${call.callId}`);
      if (!options.keep) out('  (both need the stack running: ./scripts/start.sh --keep)');
    }
    if (options.keep) {
      out('');
      out(bold('The stack keeps running (Ctrl-C stops it)'));
      for (const line of transport.keepLines(stack)) out(line);
      out(
        `  call-control:   ${stack.callControl!.grpcAddress} (API key ${stack.callControl!.apiKey})`,
      );
      out(`  context-store:  ${stack.contextStore?.grpcAddress ?? '–'}`);
      out(`  nats:           ${stack.natsUrl}`);
      out(`  mongo:          ${stack.mongoUrl}`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
    }
  } catch (err) {
    out(`the call did not go through: ${err instanceof Error ? err.message : String(err)}`);
    out(`service logs: ${logFile}`);
    code = 1;
  } finally {
    out('stopping…');
    await watcher.close();
    await stack.stop();
    await transport.close();
    clearStackState();
    log.end();
  }
  return code;
};
