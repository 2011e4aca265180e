import { EscalationReason } from '@warmline/contracts';
import { REASON_NAMES, reasonFromName, reasonName } from './reasonNames';

describe('reason names', () => {
  it('round-trips every name of the closed set', () => {
    for (const name of REASON_NAMES) expect(reasonName(reasonFromName(name)!)).toBe(name);
    expect(REASON_NAMES).toHaveLength(6);
  });

  it('rejects unknown names and values', () => {
    expect(reasonFromName('angry')).toBeUndefined();
    expect(reasonName(EscalationReason.ESCALATION_REASON_UNSPECIFIED)).toBe('unspecified');
  });
});
