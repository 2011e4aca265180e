import type { ReasonName } from '../domain/profile/reasonNames';

/** The decision kinds a corpus turn can expect. */
export type ExpectedKind = 'reply' | 'escalate' | 'end';

/** The corpus categories (see test/corpus/README.md). */
export const CATEGORIES = [
  'explicit',
  'frustration',
  'repeated_failure',
  'policy',
  'out_of_scope',
  'low_confidence',
  'polite',
  'tricky_negative',
] as const;

/** A corpus category. */
export type Category = (typeof CATEGORIES)[number];

/** Whether a conversation may be used for tuning. */
export type Split = 'tune' | 'heldout';

/** One labelled caller turn. */
export interface CorpusTurn {
  readonly say: string;
  readonly confidence: number;
  readonly expect: ExpectedKind;
  readonly reason?: ReasonName;
}

/** One labelled conversation. */
export interface CorpusConversation {
  readonly id: string;
  readonly category: Category;
  readonly split: Split;
  readonly note?: string;
  readonly turns: readonly CorpusTurn[];
}

/** The 1-based turn at which a conversation should escalate, and why; undefined when it never should. */
export function expectedEscalation(
  conversation: CorpusConversation,
): { turn: number; reason: ReasonName } | undefined {
  const index = conversation.turns.findIndex((t) => t.expect === 'escalate');
  const turn = conversation.turns[index];
  return turn === undefined || turn.reason === undefined
    ? undefined
    : { turn: index + 1, reason: turn.reason };
}
