/** How alike two term lists are: Jaccard similarity of their term sets, 0..1. */
export function termOverlap(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const t of left) if (right.has(t)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** Jaccard similarity from which a turn counts as the same question again. */
export const REPEAT_SIMILARITY = 0.5;

/**
 * True when the caller's canonical terms repeat one of their earlier questions (`when is my bill
 * due` … `I'm asking when my bill is due`): raised repetition, a sign the answer did not help.
 * `previous` holds earlier turns' terms joined by spaces (as kept in the conversation state).
 */
export function detectRepetition(terms: readonly string[], previous: readonly string[]): boolean {
  if (terms.length === 0) return false;
  return previous.some(
    (p) =>
      termOverlap(
        terms,
        p.split(' ').filter((t) => t !== ''),
      ) >= REPEAT_SIMILARITY,
  );
}
