import { ConfigError } from '@warmline/config';
import { EscalationReason } from '@warmline/contracts';
import { loadProfileFileSync } from '../adapters/profileFile';
import type { ConfiguredTool } from '../domain/decision/configuredTool';
import { checkDestinations } from './checkDestinations';

const profile = loadProfileFileSync();
const billing: ConfiguredTool = {
  name: 'billing_team',
  description: 'x',
  parameters: { type: 'object', properties: {} },
  action: {
    kind: 'escalate',
    reason: EscalationReason.ESCALATION_REASON_POLICY_KEYWORD,
    destinationId: 'acme-billing',
  },
};

describe('checkDestinations', () => {
  it("allows the profile's destination without an allowlist", () => {
    expect(() => checkDestinations(profile, [], undefined)).not.toThrow();
  });

  it('allows destinations on the allowlist', () => {
    expect(() =>
      checkDestinations(profile, [billing], ['acme-support-desk', 'acme-billing']),
    ).not.toThrow();
  });

  it('rejects a tool destination outside the allowlist', () => {
    expect(() => checkDestinations(profile, [billing], undefined)).toThrow(ConfigError);
  });

  it("rejects an allowlist without the profile's destination", () => {
    expect(() => checkDestinations(profile, [], ['somewhere-else'])).toThrow(/the profile/);
  });
});
