import { pauseAfterMs } from './pauses';
import { collapseWhitespace, splitForSpeech } from './splitForSpeech';
import { splitSentences } from './splitSentences';

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks followed by a space', () => {
    expect(splitSentences('Hello there. How are you? Great! Bye')).toEqual([
      'Hello there.',
      'How are you?',
      'Great!',
      'Bye',
    ]);
  });

  it('does not split after abbreviations, initials or inside decimals', () => {
    expect(splitSentences('Dr. Smith and J. Doe paid 3.50 dollars, e.g. today. Next.')).toEqual([
      'Dr. Smith and J. Doe paid 3.50 dollars, e.g. today.',
      'Next.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they end', () => {
    expect(splitSentences('She said "yes." Then (finally.) we left.')).toEqual([
      'She said "yes."',
      'Then (finally.)',
      'we left.',
    ]);
  });

  it('ends a sentence at an ellipsis', () => {
    expect(splitSentences('Well... let me check.')).toEqual(['Well...', 'let me check.']);
  });
});

describe('splitForSpeech', () => {
  const options = { firstSegmentChars: 30, maxSegmentChars: 60 };

  it('returns nothing for blank text', () => {
    expect(splitForSpeech('  \n\t ')).toEqual([]);
  });

  it('cuts a long first sentence at its first clauses, so the first audio comes early', () => {
    const text = 'Hello, thank you for calling Warmline support, how can I help you today?';
    expect(splitForSpeech(text, options)).toEqual([
      'Hello,',
      'thank you for calling Warmline support,',
      'how can I help you today?',
    ]);
  });

  it('keeps short sentences whole and in order', () => {
    expect(splitForSpeech('Yes. I can do that. One moment please.', options)).toEqual([
      'Yes.',
      'I can do that.',
      'One moment please.',
    ]);
  });

  it('cuts a sentence without punctuation at word boundaries, within the limit', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const segments = splitForSpeech(`${words}.`, options);
    expect(segments.length).toBeGreaterThan(3);
    for (const segment of segments) expect(segment.length).toBeLessThanOrEqual(60);
  });

  it('drops and reorders nothing: the segments join back into the collapsed text', () => {
    const text = `Sure!  Your order 12.5 ships Mon.  via St. Louis; it arrives,
      if all goes well, on Friday — or Saturday at the latest. Anything else?`;
    expect(splitForSpeech(text, options).join(' ')).toBe(collapseWhitespace(text));
  });

  it('keeps a single over-long word whole rather than cutting it', () => {
    const long = 'x'.repeat(80);
    expect(splitForSpeech(long, options)).toEqual([long]);
  });
});

describe('pauseAfterMs', () => {
  it('pauses longer after a sentence than after a clause, and briefly at the very end', () => {
    const pauses = { leadingMs: 0, sentenceMs: 250, clauseMs: 120, finalMs: 100 };
    expect(pauseAfterMs('Hello there.', false, pauses)).toBe(250);
    expect(pauseAfterMs('She said "yes!"', false, pauses)).toBe(250);
    expect(pauseAfterMs('Hello,', false, pauses)).toBe(120);
    expect(pauseAfterMs('Goodbye.', true, pauses)).toBe(100);
  });
});
