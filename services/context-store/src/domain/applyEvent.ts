import type { ContextDoc } from './contextDoc';
import { emptyContext } from './emptyContext';
import { hasApplied, withApplied } from './eventIds';
import { foldCallEvent } from './fold/foldCallEvent';
import type { FoldContext } from './fold/foldContext';
import { foldConversationEvent } from './fold/foldConversationEvent';
import { foldEscalationEvent } from './fold/foldEscalationEvent';
import { withDerived } from './fold/withDerived';
import { type RedactionPolicy } from './redaction/redactionPolicy';
import { redactText } from './redaction/redactText';
import type { SourceEvent } from './sourceEvent';

/** What the fold needs besides the document and the event. Time comes in; it is never read. */
export interface FoldOptions {
  readonly redaction: RedactionPolicy;
  /** How long a context is kept after its last event; undefined when retention is off. */
  readonly retentionMs: number | undefined;
  /** Now, in ms since the epoch: events already past retention do not create a context. */
  readonly nowMs: number;
}

/** Why an event changed nothing. */
export type UnchangedReason = 'duplicate' | 'expired';

/** The outcome of folding one event: the next document, or nothing to write. */
export type FoldResult =
  | { readonly kind: 'changed'; readonly doc: ContextDoc }
  | { readonly kind: 'unchanged'; readonly reason: UnchangedReason };

const later = (a: Date, b: Date | undefined): Date => (b !== undefined && b > a ? b : a);

const foldByStream = (doc: ContextDoc, source: SourceEvent, ctx: FoldContext): ContextDoc => {
  switch (source.stream) {
    case 'call':
      return foldCallEvent(doc, source.event, ctx);
    case 'conversation':
      return foldConversationEvent(doc, source.event, ctx);
    case 'escalation':
      return foldEscalationEvent(doc, source.event, ctx);
  }
};

/**
 * The projection as a pure fold: the context after `source` at stream sequence `position`.
 *
 * - Idempotent: an event at or below the document's position for its stream (a redelivery, a
 *   replay, an older event) changes nothing. An event whose id was already folded in from its
 *   stream (the same event stored again at a new position, as a producer retrying after
 *   JetStream's duplicate window stores it) only moves the position: nothing else changes.
 * - Every new position is recorded, even for events that add nothing visible, so the positions
 *   say exactly how far the document has caught up with each stream.
 * - Text is redacted before it enters the document; derived fields are recomputed from state.
 * - An event whose retention has already passed does not create a context (no resurrection by
 *   a rebuild after the document expired).
 */
export const applyEvent = (
  doc: ContextDoc | undefined,
  source: SourceEvent,
  position: number,
  options: FoldOptions,
): FoldResult => {
  const occurredAt = source.event.occurredAt;
  const current = doc ?? emptyContext(source.callId, occurredAt ?? new Date(0));
  if (position <= current.positions[source.stream])
    return { kind: 'unchanged', reason: 'duplicate' };
  const positions = { ...current.positions, [source.stream]: position };
  const { eventId } = source.event;
  if (doc && hasApplied(doc.eventIds, source.stream, eventId)) {
    return { kind: 'changed', doc: { ...doc, positions } };
  }
  const expiresAtMs =
    occurredAt && options.retentionMs !== undefined
      ? occurredAt.getTime() + options.retentionMs
      : undefined;
  if (!doc && expiresAtMs !== undefined && expiresAtMs <= options.nowMs) {
    return { kind: 'unchanged', reason: 'expired' };
  }
  const ctx: FoldContext = {
    at: occurredAt ?? current.lastEventAt,
    seq: position,
    redact: (text) => redactText(text, options.redaction),
  };
  const folded = foldByStream(current, source, ctx);
  const next: ContextDoc = {
    ...folded,
    positions,
    eventIds: withApplied(current.eventIds, source.stream, eventId),
    lastEventAt: later(current.lastEventAt, occurredAt),
  };
  return { kind: 'changed', doc: withDerived(next, options.retentionMs) };
};
