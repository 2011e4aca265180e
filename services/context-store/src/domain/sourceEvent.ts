import type { CallEvent, ConversationEvent, EscalationEvent } from '@warmline/contracts';

/** One event from one of the source streams, with the call it belongs to. */
export type SourceEvent =
  | { readonly stream: 'call'; readonly callId: string; readonly event: CallEvent }
  | { readonly stream: 'conversation'; readonly callId: string; readonly event: ConversationEvent }
  | { readonly stream: 'escalation'; readonly callId: string; readonly event: EscalationEvent };
