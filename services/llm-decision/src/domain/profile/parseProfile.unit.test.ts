import { EscalationReason } from '@warmline/contracts';
import { parseProfile } from './parseProfile';
import { ProfileError } from './profileError';
import { DEFAULT_TRANSITION_LINE } from './profileDefaults';

const minimal = () => ({
  businessName: 'Test Co',
  intents: [{ id: 'hours', examples: ['what are your hours'], answer: 'Nine to five.' }],
  transfer: { destinationId: 'test-desk' },
});

const issuesOf = (document: unknown): string[] => {
  try {
    parseProfile(document, 'test.yaml');
  } catch (error) {
    if (error instanceof ProfileError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
};

describe('parseProfile', () => {
  it('fills defaults, including the default transition line', () => {
    const profile = parseProfile(minimal());
    expect(profile.lines.transition).toBe(DEFAULT_TRANSITION_LINE);
    expect(profile.lines.transition).toBe('Let me connect you with a specialist who can help.');
    expect(profile.lines.greeting).toContain('Test Co');
    expect(profile.escalation.frustration.threshold).toBe(3.5);
    expect(profile.escalation.lowConfidence).toEqual({ minConfidence: 0.5, maxConsecutive: 2 });
    expect(profile.endOfCall.phrases.length).toBeGreaterThan(0);
    expect(profile.intents[0]?.keywords).toEqual([]);
  });

  it('returns a deeply frozen profile', () => {
    const profile = parseProfile(minimal());
    expect(Object.isFrozen(profile)).toBe(true);
    expect(Object.isFrozen(profile.transfer)).toBe(true);
    expect(Object.isFrozen(profile.intents[0]?.examples)).toBe(true);
  });

  it('maps reason names to the closed enum', () => {
    const profile = parseProfile({
      ...minimal(),
      escalation: {
        policyKeywords: [{ label: 'legal', reason: 'policy_keyword', phrases: ['lawyer'] }],
      },
    });
    expect(profile.escalation.policyKeywords[0]?.reason).toBe(
      EscalationReason.ESCALATION_REASON_POLICY_KEYWORD,
    );
  });

  it('rejects a destination that is a phone number', () => {
    expect(issuesOf({ ...minimal(), transfer: { destinationId: '+19005550100' } })).toEqual([
      'transfer.destinationId: must be a configuration key (a letter, then letters, digits, . _ -), never a number',
    ]);
    expect(issuesOf({ ...minimal(), transfer: { destinationId: '19005550100' } })).toHaveLength(1);
  });

  it('lists every problem at once, with paths', () => {
    const issues = issuesOf({
      businessName: '',
      intents: [
        { id: 'Bad Id', examples: [], answer: 'x' },
        { id: 'Bad Id', examples: ['a'], answer: 'y' },
      ],
      transfer: {},
      escalation: {
        frustration: { threshold: 'high' },
        lowConfidence: { minConfidence: 2 },
        policyKeywords: [{ label: 'x', reason: 'because', phrases: ['y'] }],
      },
      colour: 'blue',
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        'colour: unknown field',
        'businessName: expected a non-empty string, got string',
        'intents[0].id: use lower case letters, digits, _ or -',
        'intents[0].examples: needs at least 1 item(s)',
        'intents[1].id: duplicate intent id "Bad Id"',
        'transfer.destinationId: required',
        'escalation.frustration.threshold: expected a number, got string',
        'escalation.lowConfidence.minConfidence: must be at most 1',
        'escalation.policyKeywords[0].reason: expected one of caller_asked, frustration, out_of_scope, repeated_failure, low_confidence, policy_keyword',
      ]),
    );
  });

  it('rejects a document that is not a mapping, and names the source', () => {
    expect(() => parseProfile('just text', 'x.yaml')).toThrow(/Invalid agent profile x.yaml/);
    expect(issuesOf(null)).toContain('(document): expected a mapping, got null');
  });

  it('checks that the out-of-scope threshold does not exceed the intent threshold', () => {
    expect(
      issuesOf({
        ...minimal(),
        escalation: { matching: { intentThreshold: 0.2, outOfScopeThreshold: 0.3 } },
      }),
    ).toEqual(['escalation.matching.outOfScopeThreshold: must not exceed intentThreshold']);
  });
});
