/**
 * Phone-number-like text: an optional `+`, then 7 or more digits, each
 * optionally after a space, dash or bracket (`+15551234567`, `+1 555 123 4567`,
 * `(555) 123-4567`, `5551234`). Dots are not separators, so IP addresses and
 * versions are left alone; dates and long ids are masked too, which is the
 * safe side to err on.
 */
const PHONE_LIKE = /\+?\(?\d(?:(?:[ -]|\) ?)?\(?\d){6,}/g;

/** What a masked number is replaced with. */
export const MASKED_NUMBER = '[redacted-number]';

/** Replaces everything phone-number-like in `text` with {@link MASKED_NUMBER}. */
export const maskPhoneNumbers = (text: string): string => text.replace(PHONE_LIKE, MASKED_NUMBER);
