import { type ConversationEvent, KeywordHit } from '@warmline/contracts';
import type { KeywordHit as KeywordClass } from '../domain/keywords/humanRequest';

type Payload = NonNullable<ConversationEvent['payload']>;

/**
 * A conversation event with a deterministic id (`<turnId>:<kind>`), so when a
 * call moves to another replica and a turn is recorded twice, JetStream's
 * duplicate window drops the second copy.
 */
export const conversationEvent = (
  callId: string,
  turnId: string,
  occurredAt: Date,
  payload: Payload,
): ConversationEvent => ({
  eventId: `${turnId}:${payload.$case}`,
  callId,
  occurredAt,
  causationId: turnId,
  correlationId: callId,
  payload,
});

/** The contract's `KeywordHit` for what the keyword pass found (UNSPECIFIED: nothing). */
export const keywordHitOf = (hit: KeywordClass | undefined): KeywordHit => {
  switch (hit) {
    case 'human-request':
      return KeywordHit.KEYWORD_HIT_HUMAN_REQUEST;
    case undefined:
      return KeywordHit.KEYWORD_HIT_UNSPECIFIED;
    default: {
      const never: never = hit;
      return never;
    }
  }
};
