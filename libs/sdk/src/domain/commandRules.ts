import type { CallCommandName } from '../errors/callErrors';
import { type CallState, isAtLeast } from './callState';

/** The last state in which each command can still be allowed (states only move forward). */
const lastAllowedState: Readonly<Record<CallCommandName, CallState>> = {
  answer: 'PENDING',
  connect: 'ANSWERED',
  close: 'CONNECTED',
  disconnect: 'CONNECTED',
  barge: 'CONNECTED',
  whisper: 'CONNECTED',
  spy: 'CONNECTED',
};

/** What the SDK can tell about a command without asking the platform. */
export type LocalVerdict =
  /** The call has ended: nothing is allowed. */
  | 'closed'
  /** The call is past every state that allows the command, so it can never be allowed. */
  | 'wrong_state'
  /** Possibly allowed: the platform decides (the local state may lag behind it). */
  | 'ask';

/**
 * Rejects a command locally only when that is certain. The local view can lag behind the
 * platform but never run ahead of it, and states only move forward, so a command whose
 * allowed states all lie behind the local state is refused for sure; anything else goes to
 * the platform (e.g. `barge()` while the view says ANSWERED: the connect may have completed).
 */
export function localVerdict(state: CallState, command: CallCommandName): LocalVerdict {
  if (state === 'DISCONNECTED') return 'closed';
  const last = lastAllowedState[command];
  return isAtLeast(state, last) && state !== last ? 'wrong_state' : 'ask';
}
