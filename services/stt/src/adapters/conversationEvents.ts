import type { ConversationEvent } from '@warmline/contracts';

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
