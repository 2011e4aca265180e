const SENTINEL = 'WARMLINEWILDCARDTOKEN';

/**
 * The wildcard form of a per-call subject function from `@warmline/contracts`
 * (`subjects.cancelSpeech` → `tts.cancel.*`), so no subject string is written
 * here. `subjectWildcards` in the contracts has no entry for every subject yet.
 */
export const wildcardOf = (subjectFor: (id: string) => string): string =>
  subjectFor(SENTINEL)
    .split('.')
    .map((token) => (token === SENTINEL ? '*' : token))
    .join('.');
