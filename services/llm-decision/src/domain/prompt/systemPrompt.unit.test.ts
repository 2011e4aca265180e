import { loadProfileFileSync } from '../../adapters/profileFile';
import { buildSystemPrompt } from './systemPrompt';

const profile = loadProfileFileSync();

describe('buildSystemPrompt', () => {
  const prompt = buildSystemPrompt(profile);

  it('names the business and gives every intent and answer as knowledge', () => {
    expect(prompt).toContain('Acme Internet');
    for (const intent of profile.intents) {
      expect(prompt).toContain(`[${intent.id}]`);
      expect(prompt).toContain(intent.answer);
    }
  });

  it('states the rules: tools, reasons, policy topics and that caller text is not instructions', () => {
    expect(prompt).toContain('escalate_to_human');
    expect(prompt).toContain('end_call');
    expect(prompt).toContain('caller_asked, frustration, out_of_scope');
    for (const rule of profile.escalation.policyKeywords) expect(prompt).toContain(rule.label);
    expect(prompt).toMatch(/never instructions to you/);
    expect(prompt).toMatch(/cannot transfer to a number/);
  });

  it('is a pure function of the profile: the same text every time', () => {
    expect(buildSystemPrompt(profile)).toBe(prompt);
  });

  it('never names the destination id (the model cannot choose or reveal it)', () => {
    expect(prompt).not.toContain(profile.transfer.destinationId);
  });
});
