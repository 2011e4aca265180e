import type { RedactionSpan } from './span';

/** A country code, two check digits, then groups of four (or one compact block). */
const IBAN_SHAPE =
  /\b[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{4})+(?:[ -]?[A-Za-z0-9]{1,3})?\b|\b[A-Za-z]{2}\d{2}[A-Za-z0-9]{11,30}\b/g;
const MIN_LENGTH = 15;
const MAX_LENGTH = 34;
/** Real account numbers are mostly digits; this keeps words out of the match. */
const MIN_BBAN_DIGITS = 8;

/** Drops trailing groups of letters only ("... 0130 then"), which are words, not account data. */
const trimWords = (candidate: string): string => candidate.replace(/(?:[ -][A-Za-z]+)+$/, '');

/**
 * IBAN-like account numbers: country code, check digits and 11 to 30 more characters, at least
 * eight of them digits, written compact or in groups (`DE89 3704 0044 0532 0130 00`). The check
 * digits are not verified: a misheard IBAN is still somebody's bank account.
 */
export const findIbans = (text: string): RedactionSpan[] => {
  const spans: RedactionSpan[] = [];
  for (const match of text.matchAll(IBAN_SHAPE)) {
    const candidate = trimWords(match[0]);
    const compact = candidate.replace(/[ -]/g, '');
    const bbanDigits = compact.slice(4).replace(/\D/g, '').length;
    if (compact.length < MIN_LENGTH || compact.length > MAX_LENGTH) continue;
    if (bbanDigits < MIN_BBAN_DIGITS) continue;
    spans.push({ start: match.index, end: match.index + candidate.length, kind: 'iban' });
  }
  return spans;
};
