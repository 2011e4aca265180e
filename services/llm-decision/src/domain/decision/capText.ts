// Control characters (C0, DEL, C1): never stored or spoken.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;
// Markdown emphasis, heading and code marks a voice cannot say.
const MARKDOWN = /[*_#`]+/g;
const SENTENCE_END = /[.!?](?=\s|$)/g;

/**
 * Untrusted text made fit to store: control characters removed, whitespace collapsed, and at
 * most `maxChars` characters, cut after the last whole sentence that fits (or the last whole
 * word when no sentence fits).
 */
export function capText(text: string, maxChars: number): string {
  const clean = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const head = clean.slice(0, maxChars);
  let sentenceEnd = -1;
  for (const match of head.matchAll(SENTENCE_END)) sentenceEnd = match.index + 1;
  if (sentenceEnd > 0) return head.slice(0, sentenceEnd);
  const wordEnd = clean.charAt(maxChars) === ' ' ? maxChars : head.lastIndexOf(' ');
  return (wordEnd > 0 ? head.slice(0, wordEnd) : head).trim();
}

/** Model text made fit to speak: {@link capText} without markdown marks. */
export const speakableText = (text: string, maxChars: number): string =>
  capText(text.replace(MARKDOWN, ' '), maxChars);
