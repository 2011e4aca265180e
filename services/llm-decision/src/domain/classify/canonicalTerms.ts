import { normalizeText } from '../text/normalizeText';
import { stem } from '../text/stem';
import { STOPWORDS } from '../text/stopwords';

/** A profile's synonyms, normalised, longest variant first. */
export interface SynonymTable {
  readonly entries: readonly { readonly variant: readonly string[]; readonly canonical: string }[];
}

/** Normalises a profile's `synonyms` (canonical → variants) for {@link canonicalTerms}. */
export function compileSynonyms(
  synonyms: Readonly<Record<string, readonly string[]>>,
): SynonymTable {
  const entries = Object.entries(synonyms).flatMap(([canonical, variants]) =>
    variants.map((v) => ({
      variant: normalizeText(v).tokens.map(stem),
      canonical: stem(canonical),
    })),
  );
  return {
    entries: entries
      .filter((e) => e.variant.length > 0)
      .sort((a, b) => b.variant.length - a.variant.length),
  };
}

/**
 * The content of an utterance as stemmed terms: synonym variants replaced by their canonical
 * word (`router` → `modem`, `not working` → `outage`), then stop words dropped.
 */
export function canonicalTerms(tokens: readonly string[], table: SynonymTable): string[] {
  const stems = tokens.map(stem);
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const entry = table.entries.find((e) => e.variant.every((w, j) => stems[i + j] === w));
    if (entry !== undefined) {
      out.push(entry.canonical);
      i += entry.variant.length;
      continue;
    }
    const token = tokens[i] ?? '';
    if (!STOPWORDS.has(token)) out.push(stems[i] ?? token);
    i += 1;
  }
  return out;
}
