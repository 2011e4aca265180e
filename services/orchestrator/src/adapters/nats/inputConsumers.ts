import { type Bus, type ConsumerHandle, consume, protoCodec } from '@warmline/bus';
import {
  CallEvent,
  ContextSaved,
  ConversationEvent,
  EscalationTimerScheduled,
  streams,
  subjectWildcards,
} from '@warmline/contracts';
import type { HandlerDeps } from '../../handlers/handlerDeps';
import { onCallEvent } from '../../handlers/onCallEvent';
import { onContextSaved } from '../../handlers/onContextSaved';
import { onConversationEvent } from '../../handlers/onConversationEvent';
import { onTimerFired } from '../../handlers/onTimerFired';
import { durables, localStreams, localSubjects } from './localTopology';

/**
 * Starts the durable consumers that feed the workflows: conversation, call and context events, and
 * fired timers. Every replica runs the same durables, so each message goes to one of them; an
 * input a dying process held comes back after `ackWaitMs`.
 */
export const startInputConsumers = (
  bus: Bus,
  deps: HandlerDeps,
  ackWaitMs: number,
): Promise<ConsumerHandle[]> =>
  Promise.all([
    consume(bus, {
      stream: streams.conversationEvents.name,
      durable: durables.conversation,
      filterSubjects: [subjectWildcards.conversationEvents],
      codec: protoCodec(ConversationEvent),
      handler: (event, ctx) => onConversationEvent(deps, event, ctx),
      ackWaitMs,
    }),
    consume(bus, {
      stream: streams.callEvents.name,
      durable: durables.calls,
      filterSubjects: [subjectWildcards.callEvents],
      codec: protoCodec(CallEvent),
      handler: (event, ctx) => onCallEvent(deps, event, ctx),
      ackWaitMs,
    }),
    consume(bus, {
      stream: streams.contextEvents.name,
      durable: durables.context,
      filterSubjects: [subjectWildcards.contextEvents],
      codec: protoCodec(ContextSaved),
      handler: (saved, ctx) => onContextSaved(deps, saved, ctx),
      ackWaitMs,
    }),
    consume(bus, {
      stream: localStreams.timers.name,
      durable: durables.timers,
      filterSubjects: [localSubjects.timersFiredWildcard],
      codec: protoCodec(EscalationTimerScheduled),
      handler: (timer, ctx) => onTimerFired(deps, timer, ctx),
      ackWaitMs,
      maxDeliver: -1, // a timer must never be dropped: the saga waits for it
    }),
  ]);
