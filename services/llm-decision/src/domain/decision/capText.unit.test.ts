import { capText, speakableText } from './capText';

describe('capText', () => {
  it('keeps short text, collapsing whitespace and removing control characters', () => {
    expect(capText('  Hello\n\tthere\u0007 friend  ', 100)).toBe('Hello there friend');
  });

  it('cuts after the last whole sentence that fits', () => {
    expect(capText('One sentence. Two sentences! Three sentences here.', 32)).toBe(
      'One sentence. Two sentences!',
    );
  });

  it('cuts at the last whole word when no sentence fits', () => {
    expect(capText('a very long first sentence without an end', 20)).toBe('a very long first');
    expect(capText('exactly twenty chars plus', 20)).toBe('exactly twenty chars');
  });

  it('never returns more than maxChars', () => {
    const text = 'x'.repeat(50);
    expect(capText(text, 10)).toHaveLength(10);
  });

  it('keeps identifiers with underscores', () => {
    expect(capText('topics: restart_modem', 100)).toBe('topics: restart_modem');
  });
});

describe('speakableText', () => {
  it('removes markdown marks a voice cannot say', () => {
    expect(speakableText('**Unplug** the `modem` # now_', 100)).toBe('Unplug the modem now');
  });
});
