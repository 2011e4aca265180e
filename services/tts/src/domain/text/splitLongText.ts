/** A clause ends at a comma, semicolon, colon or dash that a space follows. */
const CLAUSE_END = /[,;:–—]["'”’)\]]*$|^[–—-]$/;

const clausesOf = (text: string): string[] => {
  const clauses: string[] = [];
  let current: string[] = [];
  for (const word of text.split(' ')) {
    current.push(word);
    if (CLAUSE_END.test(word)) {
      clauses.push(current.join(' '));
      current = [];
    }
  }
  if (current.length > 0) clauses.push(current.join(' '));
  return clauses;
};

/** Cuts one over-long clause at word boundaries into pieces of at most `limit` characters. */
const byWords = (clause: string, limit: number): string[] => {
  const pieces: string[] = [];
  let current = '';
  for (const word of clause.split(' ')) {
    const joined = current.length === 0 ? word : `${current} ${word}`;
    if (joined.length <= limit || current.length === 0) current = joined;
    else {
      pieces.push(current);
      current = word;
    }
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
};

/**
 * Packs the clauses of `text` greedily into segments of at most `target`
 * characters. A single clause longer than `target` stays whole up to
 * `hardLimit` (cutting mid-clause hurts prosody more than waiting), and is cut
 * at words beyond it. A single word longer than `hardLimit` stays whole.
 */
export const splitLongText = (text: string, target: number, hardLimit: number): string[] => {
  const segments: string[] = [];
  let current = '';
  for (const clause of clausesOf(text)) {
    const joined = current.length === 0 ? clause : `${current} ${clause}`;
    if (joined.length <= target) {
      current = joined;
      continue;
    }
    if (current.length > 0) segments.push(current);
    if (clause.length <= hardLimit) current = clause;
    else {
      const pieces = byWords(clause, hardLimit);
      current = pieces.pop() ?? '';
      segments.push(...pieces);
    }
  }
  if (current.length > 0) segments.push(current);
  return segments;
};
