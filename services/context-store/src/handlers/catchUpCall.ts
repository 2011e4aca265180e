import { type ContextDoc, SOURCE_STREAMS } from '../domain';
import type { CallEventReader } from '../ports';
import { onSourceEvent, type ProjectionDeps } from './onSourceEvent';

/**
 * Brings one call's context up to date with everything its three streams hold right now, by
 * reading the call's subjects and folding what the document has not seen: the same idempotent
 * fold the followers use, so racing them changes nothing. Returns the caught-up document.
 */
export const catchUpCall = async (
  deps: ProjectionDeps,
  events: CallEventReader,
  callId: string,
): Promise<ContextDoc | undefined> => {
  for (const stream of SOURCE_STREAMS) {
    const current = await deps.repository.load(callId);
    const missing = await events.read(stream, callId, current?.positions[stream] ?? 0);
    for (const stored of missing) await onSourceEvent(deps, stored);
  }
  return deps.repository.load(callId);
};
