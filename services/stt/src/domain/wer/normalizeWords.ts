/** Engine markers that are not words: pocketsphinx fillers (`<sil>`, `[NOISE]`, `++BREATH++`). */
const MARKER = /^(<[^>]*>|\[[^\]]*\]|\+\+[^+]*\+\+)$/;

/**
 * Splits a transcript into comparable words: lower case, punctuation dropped
 * (apostrophes inside words kept), hyphenated words split, pocketsphinx
 * pronunciation variants (`to(2)`) and filler markers removed.
 */
export const normalizeWords = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((token) => !MARKER.test(token))
    .map((token) =>
      token
        .replace(/\(\d+\)$/, '')
        .replace(/[^\p{L}\p{N}']+/gu, '')
        .replace(/^'+|'+$/g, ''),
    )
    .filter((word) => word.length > 0);
