import { EscalationReason } from '@warmline/contracts';
import { normalizeText } from '../text/normalizeText';
import { type CompiledPolicyRule, detectPolicyKeyword } from './detectPolicyKeyword';

const rule = (label: string, phrases: string[]): CompiledPolicyRule => ({
  label,
  reason: EscalationReason.ESCALATION_REASON_POLICY_KEYWORD,
  phrases: phrases.map((p) => normalizeText(p).tokens),
});
const rules = [
  rule('complaint', ['complaint', 'file a complaint']),
  rule('emergency', ['emergency', 'nine one one']),
  rule('cancellation', ['cancel my account', 'cancel my service']),
  rule('fraud', ['fraud']),
];
const detect = (text: string) => detectPolicyKeyword(normalizeText(text), rules);

describe('detectPolicyKeyword', () => {
  it('finds a phrase and reports its rule, reason and the profile phrase', () => {
    expect(detect('I want to file a complaint about the technician')).toEqual({
      label: 'complaint',
      reason: EscalationReason.ESCALATION_REASON_POLICY_KEYWORD,
      phrase: 'complaint',
    });
  });

  it('tolerates inflection, recognition errors and digits', () => {
    expect(detect("I'm thinking about cancelling my service")?.label).toBe('cancellation');
    expect(detect('i want to make a complain')?.label).toBe('complaint');
    expect(detect('I need to call 911')?.label).toBe('emergency');
  });

  it('ignores negated phrases', () => {
    expect(detect('this is not an emergency, I just want my bill')).toBeUndefined();
    expect(detect("I don't want to cancel my account, I want a cheaper plan")).toBeUndefined();
    expect(detect('no complaints, just a question')).toBeUndefined();
  });

  it('does not confuse a nearby phrase', () => {
    expect(detect('I need to cancel my technician appointment')).toBeUndefined();
    expect(detect('what are your hours')).toBeUndefined();
    expect(detect('can a technician come on friday')).toBeUndefined();
  });
});
