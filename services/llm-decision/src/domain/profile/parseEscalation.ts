import type { EscalationRules, PolicyKeywordRule } from './agentProfile';
import type { FieldReader } from './fieldReader';
import { DEFAULT_ESCALATION } from './profileDefaults';
import { REASON_NAMES, reasonFromName } from './reasonNames';

const parsePolicyKeywords = (
  reader: FieldReader,
  values: readonly unknown[],
): PolicyKeywordRule[] =>
  values.map((value, i) => {
    const path = `escalation.policyKeywords[${i}]`;
    const fields = reader.record(value, path, ['label', 'reason', 'phrases']);
    const name = reader.string(fields, 'reason', `${path}.reason`, 'policy_keyword');
    const reason = reasonFromName(name);
    if (reason === undefined)
      reader.fail(`${path}.reason`, `expected one of ${REASON_NAMES.join(', ')}`);
    return {
      label: reader.string(fields, 'label', `${path}.label`),
      reason: reason ?? reasonFromName('policy_keyword')!,
      phrases: reader.stringList(fields, 'phrases', `${path}.phrases`, 1),
    };
  });

const section = (
  reader: FieldReader,
  fields: Readonly<Record<string, unknown>>,
  key: string,
  allowed: string[],
) => (fields[key] === undefined ? {} : reader.record(fields[key], `escalation.${key}`, allowed));

/** Reads and checks the `escalation` section; every threshold has a default. */
export function parseEscalation(reader: FieldReader, value: unknown): EscalationRules {
  const fields =
    value === undefined
      ? {}
      : reader.record(value, 'escalation', [
          'explicitRequestPhrases',
          'policyKeywords',
          'frustration',
          'repeatedFailure',
          'outOfScope',
          'lowConfidence',
          'matching',
        ]);
  const d = DEFAULT_ESCALATION;
  const frustration = section(reader, fields, 'frustration', ['threshold', 'decay']);
  const failure = section(reader, fields, 'repeatedFailure', ['maxFailedTurns']);
  const outOfScope = section(reader, fields, 'outOfScope', ['maxTurns']);
  const low = section(reader, fields, 'lowConfidence', ['minConfidence', 'maxConsecutive']);
  const matching = section(reader, fields, 'matching', ['intentThreshold', 'outOfScopeThreshold']);
  const p = 'escalation';
  const rules: EscalationRules = {
    explicitRequestPhrases: reader.stringList(
      fields,
      'explicitRequestPhrases',
      `${p}.explicitRequestPhrases`,
      0,
      [],
    ),
    policyKeywords: parsePolicyKeywords(
      reader,
      reader.list(fields, 'policyKeywords', `${p}.policyKeywords`, true),
    ),
    frustration: {
      threshold: reader.number(frustration, 'threshold', `${p}.frustration.threshold`, {
        min: 0.5,
        fallback: d.frustration.threshold,
      }),
      decay: reader.number(frustration, 'decay', `${p}.frustration.decay`, {
        min: 0,
        max: 0.95,
        fallback: d.frustration.decay,
      }),
    },
    repeatedFailure: {
      maxFailedTurns: reader.number(
        failure,
        'maxFailedTurns',
        `${p}.repeatedFailure.maxFailedTurns`,
        { min: 1, integer: true, fallback: d.repeatedFailure.maxFailedTurns },
      ),
    },
    outOfScope: {
      maxTurns: reader.number(outOfScope, 'maxTurns', `${p}.outOfScope.maxTurns`, {
        min: 1,
        integer: true,
        fallback: d.outOfScope.maxTurns,
      }),
    },
    lowConfidence: {
      minConfidence: reader.number(low, 'minConfidence', `${p}.lowConfidence.minConfidence`, {
        min: 0,
        max: 1,
        fallback: d.lowConfidence.minConfidence,
      }),
      maxConsecutive: reader.number(low, 'maxConsecutive', `${p}.lowConfidence.maxConsecutive`, {
        min: 1,
        integer: true,
        fallback: d.lowConfidence.maxConsecutive,
      }),
    },
    matching: {
      intentThreshold: reader.number(matching, 'intentThreshold', `${p}.matching.intentThreshold`, {
        min: 0.05,
        max: 1,
        fallback: d.matching.intentThreshold,
      }),
      outOfScopeThreshold: reader.number(
        matching,
        'outOfScopeThreshold',
        `${p}.matching.outOfScopeThreshold`,
        { min: 0, max: 1, fallback: d.matching.outOfScopeThreshold },
      ),
    },
  };
  if (rules.matching.outOfScopeThreshold > rules.matching.intentThreshold) {
    reader.fail(`${p}.matching.outOfScopeThreshold`, 'must not exceed intentThreshold');
  }
  return rules;
}
