import {
  type Bus,
  type EventStore,
  createEventStore,
  isConcurrencyError,
  protoCodec,
} from '@warmline/bus';
import { ConversationEvent, streams, subjects } from '@warmline/contracts';
import type { AgentProfile } from '../../domain/profile/agentProfile';
import { type CallSession, initialCallSession } from '../../domain/session/callSession';
import { evolveSession } from '../../domain/session/evolveSession';
import { isAgentDecision } from '../../domain/session/isAgentDecision';

/** A call's session and the stream version it was folded at. */
export interface LoadedConversation {
  readonly session: CallSession;
  /** The subject's last sequence: the expected version of the next append. */
  readonly version: number;
}

/** A call's conversation stream (`evt.conversation.<callId>`) as the decision service uses it. */
export interface ConversationLog {
  /** Folds the call's stream into its session. */
  load(callId: string): Promise<LoadedConversation>;
  /**
   * Appends a decided turn's events atomically at `expectedVersion`. When other producers
   * appended meanwhile (speech progress, transcripts), the append is retried at the new
   * version; when another decision landed, the `ConcurrencyError` is thrown (retryable: the
   * transcript is redelivered and planned again). Retrying an append whose events are already
   * stored (its acknowledgement was lost) is a no-op.
   */
  append(
    callId: string,
    events: readonly ConversationEvent[],
    expectedVersion: number,
  ): Promise<void>;
}

const MAX_REBASES = 5;

/** The conversation log on the CONVERSATION_EVENTS stream. */
export function createConversationLog(bus: Bus, profile: AgentProfile): ConversationLog {
  const store: EventStore<ConversationEvent> = createEventStore({
    bus,
    stream: streams.conversationEvents.name,
    codec: protoCodec(ConversationEvent),
    eventId: (event) => event.eventId,
  });
  const evolve = evolveSession(profile);
  return {
    load: async (callId) => {
      const { state, version } = await store.aggregate(
        subjects.conversationEvents(callId),
        evolve,
        initialCallSession(),
      );
      return { session: state, version };
    },
    append: async (callId, events, expectedVersion) => {
      const subject = subjects.conversationEvents(callId);
      const ids = new Set(events.map((event) => event.eventId));
      let version = expectedVersion;
      for (let attempt = 0; ; attempt += 1) {
        try {
          await store.append(subject, events, { expectedVersion: version });
          return;
        } catch (error) {
          if (!isConcurrencyError(error) || attempt >= MAX_REBASES) throw error;
          const latest = await store.read(subject);
          const decisions = latest.events
            .filter((stored) => stored.sequence > version && isAgentDecision(stored.event))
            .map((stored) => stored.event.eventId);
          if (decisions.length > 0) {
            // Our own events, stored by an attempt whose acknowledgement was lost: done.
            if (decisions.every((id) => ids.has(id))) return;
            throw error;
          }
          version = latest.version;
        }
      }
    },
  };
}
