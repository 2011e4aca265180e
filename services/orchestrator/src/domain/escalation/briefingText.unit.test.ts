import { EscalationReason } from '@warmline/contracts';
import { briefingText } from './briefingText';
import { defaultEscalationConfig } from './config';
import type { Escalation } from './state';

const briefing = defaultEscalationConfig.briefing;
const escalation: Escalation = {
  reason: EscalationReason.ESCALATION_REASON_OUT_OF_SCOPE,
  detail: '',
  summary: 'Asked about a mortgage; I only handle card payments.',
  callerNumber: '+15550100',
  callerName: 'Sam',
  whisperSupported: true,
};

describe('briefingText', () => {
  it('fills the reason, the caller name and what was tried', () => {
    expect(briefingText(escalation, briefing)).toBe(
      'Transferring Sam: the request is outside what I can handle. ' +
        'Asked about a mortgage; I only handle card payments.',
    );
  });

  it('fills placeholders in one pass: a summary quoting "{reason}" stays as written', () => {
    const text = briefingText(
      { ...escalation, summary: 'Caller typed {reason} literally' },
      briefing,
    );
    expect(text).toContain('Caller typed {reason} literally');
  });

  it('reads well with no name and no summary', () => {
    expect(briefingText({ ...escalation, callerName: '', summary: '' }, briefing)).toBe(
      'Transferring a caller: the request is outside what I can handle.',
    );
  });

  it('has a phrase for every reason', () => {
    for (const reason of Object.values(EscalationReason).filter((v) => typeof v === 'number')) {
      const text = briefingText({ ...escalation, reason }, { ...briefing, template: '{reason}' });
      expect(text.length).toBeGreaterThan(5);
    }
  });

  it('keeps the briefing short: the summary is cut at a word boundary', () => {
    const long = `${'word '.repeat(100)}end`;
    const text = briefingText(
      { ...escalation, summary: long },
      { ...briefing, template: '{summary}', maxSummaryChars: 40 },
    );
    expect(text.length).toBeLessThanOrEqual(40);
    expect(text).toMatch(/^(word )+word…$/);
  });
});
