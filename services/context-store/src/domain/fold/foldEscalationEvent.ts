import {
  type EscalationEvent,
  escalationOutcomeToJSON,
  escalationReasonToJSON,
  escalationStepToJSON,
} from '@warmline/contracts';
import type { ContextDoc, SagaFacts } from '../contextDoc';
import { assertNever } from '../contextErrors';
import { addTimeline, type FoldContext } from './foldContext';

const NO_SAGA: SagaFacts = {
  reason: 'ESCALATION_REASON_UNSPECIFIED',
  detail: '',
  summary: '',
  callerNumber: '',
  step: 'ESCALATION_STEP_UNSPECIFIED',
  steps: [],
};

/** Drops the keys of a finished escalation when the saga starts another. */
const unfinished = ({
  outcome: _o,
  outcomeDetail: _d,
  finishedAt: _f,
  ...rest
}: SagaFacts): SagaFacts => rest;

/**
 * Folds one event of the escalation saga's own stream: its reason and summary, the steps it went
 * through (with their effect ids, which name the utterances it had spoken) and its outcome.
 * Timers and accepted inputs are the saga's bookkeeping and only advance the position.
 */
export const foldEscalationEvent = (
  doc: ContextDoc,
  event: EscalationEvent,
  ctx: FoldContext,
): ContextDoc => {
  const payload = event.payload;
  if (!payload) return doc;
  const saga = doc.saga ?? NO_SAGA;
  const line = (d: ContextDoc, kind: string, detail: string) =>
    addTimeline(d, ctx, 'escalation', kind, detail);
  switch (payload.$case) {
    case 'started': {
      const v = payload.value;
      const reason = escalationReasonToJSON(v.reason);
      const next: SagaFacts = {
        ...unfinished(saga),
        reason,
        detail: ctx.redact(v.detail),
        summary: ctx.redact(v.summary),
        callerNumber: v.callerNumber,
        startedAt: saga.startedAt ?? ctx.at,
      };
      return line({ ...doc, saga: next }, 'escalation.started', reason);
    }
    case 'stepEntered': {
      const step = escalationStepToJSON(payload.value.step);
      const steps = [...saga.steps, { step, effectId: payload.value.effectId, at: ctx.at }];
      return line({ ...doc, saga: { ...saga, step, steps } }, 'escalation.step', step);
    }
    case 'timerScheduled':
    case 'timerFired':
    case 'inputAccepted':
      return doc;
    case 'finished': {
      const outcome = escalationOutcomeToJSON(payload.value.outcome);
      const next: SagaFacts = {
        ...saga,
        outcome,
        outcomeDetail: ctx.redact(payload.value.detail),
        finishedAt: ctx.at,
      };
      return line({ ...doc, saga: next }, 'escalation.finished', outcome);
    }
    default:
      return assertNever(payload);
  }
};
