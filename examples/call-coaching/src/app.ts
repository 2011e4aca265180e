import {
  CallerListener,
  type ListenerOptions,
  type SpeechRecognizer,
  type SpeechSynthesizer,
  isHangUp,
  sendLine,
} from '@warmline/example-kit';
import { type ActiveCall, type WarmlineClient, type WarmlineLogger, events } from '@warmline/sdk';
import { Coach, type CoachingRule } from './domain/coach';

/** What {@link runCoaching} needs. */
export interface CoachingDeps {
  readonly client: WarmlineClient;
  readonly recognizer: SpeechRecognizer;
  readonly synthesizer: SpeechSynthesizer;
  readonly rules?: readonly CoachingRule[];
  readonly greeting?: string;
  readonly ringTimeSeconds?: number;
  readonly listener?: ListenerOptions;
  readonly logger?: WarmlineLogger;
}

/** How a call went: the hints whispered (rule ids, in order) and the topics heard. */
export interface CoachingOutcome {
  readonly connected: boolean;
  readonly hints: readonly string[];
  readonly topics: Readonly<Record<string, number>>;
}

export const DEFAULT_GREETING =
  'Thanks for calling. This call may be monitored for quality. Connecting you now.';

/**
 * One call: a short greeting, `connect()` to the callee, `spy()` (the AI hears both, nobody
 * hears it). When a rule fires on what the caller says, `whisper()` the hint (only the callee
 * hears it), then back to `spy()`. Runs until the call ends; topics are logged by rule id.
 */
export async function handleCall(call: ActiveCall, deps: CoachingDeps): Promise<CoachingOutcome> {
  const coach = new Coach(deps.rules);
  const hints: string[] = [];
  const outcome = (connected: boolean) => ({ connected, hints, topics: coach.topics() });
  try {
    await call.answer();
    await sendLine(call, deps.synthesizer, deps.greeting ?? DEFAULT_GREETING);
    await call.connect({ ringTimeSeconds: deps.ringTimeSeconds ?? 30 });
    await call.spy();
  } catch (error) {
    if (isHangUp(error, call)) return outcome(false);
    throw error;
  }
  const listener = new CallerListener(call, deps.recognizer, deps.listener);
  try {
    for (let line = await listener.next(); line !== undefined; line = await listener.next()) {
      const rule = coach.hear(line);
      if (!rule) continue;
      await call.whisper();
      await sendLine(call, deps.synthesizer, rule.hint);
      await call.spy();
      hints.push(rule.id);
    }
  } catch (error) {
    if (!isHangUp(error, call)) throw error;
  } finally {
    await listener.stop();
  }
  return outcome(true);
}

/** Registers the coaching handler on `deps.client`; returns a function that removes it. */
export function runCoaching(deps: CoachingDeps): () => void {
  const onCall = async (call: ActiveCall): Promise<void> => {
    try {
      const outcome = await handleCall(call, deps);
      deps.logger?.info('coached call ended', {
        callId: call.callId,
        connected: outcome.connected,
        hints: outcome.hints,
        topics: outcome.topics,
      });
    } catch (error) {
      deps.logger?.error('coaching failed', { callId: call.callId, error: String(error) });
      if (call.state === 'CONNECTED') await call.close().catch(() => undefined);
      else if (call.state !== 'DISCONNECTED') await call.disconnect().catch(() => undefined);
    }
  };
  deps.client.on(events.INCOMING_CALL, onCall);
  return () => void deps.client.off(events.INCOMING_CALL, onCall);
}
