import type { Attributes, Meter } from '@opentelemetry/api';
import { EscalationReason } from '@warmline/contracts';
import { ProviderError } from '../domain/decision/decisionErrors';
import { DecisionAttributes, createDecisionMetrics } from './decisionMetrics';

/** A meter that keeps what is recorded, by instrument name. */
const recordingMeter = () => {
  const recorded: { name: string; value: number; attributes: Attributes | undefined }[] = [];
  const instrument = (name: string) => {
    const record = (value: number, attributes?: Attributes) =>
      recorded.push({ name, value, attributes });
    return { record, add: record };
  };
  const meter = { createHistogram: instrument, createCounter: instrument } as unknown as Meter;
  return { meter, recorded };
};

describe('createDecisionMetrics', () => {
  it('records latency, fallbacks by cause and escalations by reason', () => {
    const { meter, recorded } = recordingMeter();
    const metrics = createDecisionMetrics(meter);
    metrics.record(
      {
        decision: {
          kind: 'escalate',
          reason: EscalationReason.ESCALATION_REASON_REPEATED_FAILURE,
          detail: 'd',
          replyText: 't',
          destinationId: 'x',
        },
        provider: 'failure-limit',
        fallback: true,
        failure: new ProviderError('openai', 'timeout', 'late'),
      },
      12,
      'openai',
    );
    expect(recorded).toEqual([
      {
        name: 'warmline.llm_decision.duration',
        value: 12,
        attributes: {
          [DecisionAttributes.PROVIDER]: 'failure-limit',
          [DecisionAttributes.FALLBACK]: true,
        },
      },
      {
        name: 'warmline.llm_decision.fallbacks',
        value: 1,
        attributes: {
          [DecisionAttributes.PROVIDER]: 'openai',
          [DecisionAttributes.FAILURE]: 'timeout',
        },
      },
      {
        name: 'warmline.llm_decision.escalations',
        value: 1,
        attributes: { reason: 'repeated_failure' },
      },
    ]);
  });
});
