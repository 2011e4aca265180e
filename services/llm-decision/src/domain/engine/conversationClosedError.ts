/**
 * Thrown by `decideTurn` when a turn arrives after the conversation already escalated or ended:
 * the caller of the engine must stop feeding turns (or reopen the state after a failed transfer).
 */
export class ConversationClosedError extends Error {
  override readonly name = 'ConversationClosedError';

  constructor(readonly status: 'escalated' | 'ended') {
    super(`The conversation has ${status}; no further turns are decided.`);
  }
}
