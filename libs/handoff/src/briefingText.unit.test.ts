import { DEFAULT_BRIEFING_TEXT, briefingText, shortenSummary } from './briefingText';

describe('briefingText', () => {
  it('names the caller, the reason and what was tried', () => {
    expect(
      briefingText({
        callerName: 'Ana Lim',
        reason: 'they asked to speak to a person',
        tried: 'Asked about a refund; I explained the policy.',
      }),
    ).toBe(
      'Transferring Ana Lim: they asked to speak to a person. Asked about a refund; I explained the policy.',
    );
  });

  it('says "a caller" when the name is unknown and drops an empty summary cleanly', () => {
    expect(briefingText({ reason: 'they are frustrated', callerName: '  ' })).toBe(
      'Transferring a caller: they are frustrated.',
    );
  });

  it('fills placeholders in one pass: a summary quoting a placeholder stays as written', () => {
    expect(briefingText({ reason: 'r', tried: 'said {reason} twice' })).toBe(
      'Transferring a caller: r. said {reason} twice',
    );
  });

  it('follows a custom template', () => {
    expect(
      briefingText(
        { reason: 'billing', callerName: 'Bo' },
        { template: '{callerName} / {reason}', maxSummaryChars: 10 },
      ),
    ).toBe('Bo / billing');
  });

  it('cuts a long summary at a word boundary', () => {
    const tried = 'word '.repeat(100);
    const text = briefingText({ reason: 'r', tried });
    expect(text.length).toBeLessThanOrEqual(
      'Transferring a caller: r. '.length + DEFAULT_BRIEFING_TEXT.maxSummaryChars,
    );
    expect(text.endsWith('word…')).toBe(true);
  });
});

describe('shortenSummary', () => {
  it('keeps short text and collapses whitespace', () => {
    expect(shortenSummary('  a \n b  ', 10)).toBe('a b');
  });

  it('cuts inside a very long word when no space is near', () => {
    expect(shortenSummary('abcdefghijklmnop', 8)).toBe('abcdefg…');
  });
});
