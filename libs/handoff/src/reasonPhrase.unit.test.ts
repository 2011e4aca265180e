import { EscalationReason } from '@warmline/contracts';
import { briefingText } from './briefingText';
import { reasonPhrase } from './reasonPhrase';

describe('reasonPhrase', () => {
  it('has its own phrase for every known reason', () => {
    const reasons = Object.values(EscalationReason).filter(
      (v): v is EscalationReason =>
        typeof v === 'number' &&
        v !== EscalationReason.ESCALATION_REASON_UNSPECIFIED &&
        v !== EscalationReason.UNRECOGNIZED,
    );
    const phrases = reasons.map(reasonPhrase);
    expect(new Set(phrases).size).toBe(reasons.length);
  });

  it('falls back to a generic phrase for an unspecified or unknown reason', () => {
    expect(reasonPhrase(EscalationReason.ESCALATION_REASON_UNSPECIFIED)).toBe('they need a person');
    expect(reasonPhrase(99 as EscalationReason)).toBe('they need a person');
  });

  it('reads as the briefing the saga whispers', () => {
    const reason = reasonPhrase(EscalationReason.ESCALATION_REASON_OUT_OF_SCOPE);
    expect(briefingText({ callerName: 'Sam', reason, tried: 'Asked about a mortgage.' })).toBe(
      'Transferring Sam: the request is outside what I can handle. Asked about a mortgage.',
    );
  });
});
