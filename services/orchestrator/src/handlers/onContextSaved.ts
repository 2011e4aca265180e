import type { ConsumeContext, Disposition } from '@warmline/bus';
import type { ContextSaved } from '@warmline/contracts';
import { type HandlerDeps, callIdOf, runWork } from './handlerDeps';

/**
 * context-store stored a call's context (`evt.context.<callId>`); its causation id is the saga's
 * request id, which tells the saga which save it answers.
 */
export const onContextSaved = (
  deps: HandlerDeps,
  saved: ContextSaved,
  ctx: ConsumeContext,
): Promise<Disposition> => {
  const input = {
    kind: 'ContextSaved',
    inputId: saved.eventId,
    nowMs: deps.clock(),
    requestId: saved.causationId,
    contextId: saved.contextId,
  } as const;
  return runWork(deps, callIdOf(ctx), [{ workflow: 'saga', input }], ctx);
};
