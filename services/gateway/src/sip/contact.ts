/** The Contact header: `*` or a list of addresses with `expires` and `q` (RFC 3261 §20.10). */
import { getHeaderValues, type SipMessage } from './message';
import { type NameAddr, parseNameAddr } from './nameAddr';
import { SipParseError } from './sipParseError';

/** A parsed Contact header set. */
export type ContactList =
  | { readonly wildcard: true }
  | { readonly wildcard: false; readonly contacts: readonly NameAddr[] };

/** Reads every Contact of a message. `*` must be the only value. Throws {@link SipParseError}. */
export function readContacts(msg: Pick<SipMessage, 'headers'>): ContactList {
  const values = getHeaderValues(msg, 'Contact');
  if (values.includes('*')) {
    if (values.length !== 1)
      throw new SipParseError('header-value', 'Contact * with other values', { header: 'Contact' });
    return { wildcard: true };
  }
  return { wildcard: false, contacts: values.map((v) => parseNameAddr(v, 'Contact')) };
}

/** The `expires` parameter of a contact, in seconds, or undefined when absent or not a number. */
export function contactExpires(contact: NameAddr): number | undefined {
  const v = contact.params.get('expires');
  return v && /^\d{1,10}$/.test(v) ? Number(v) : undefined;
}

/** The `q` parameter of a contact (0..1), or undefined when absent or malformed. */
export function contactQ(contact: NameAddr): number | undefined {
  const v = contact.params.get('q');
  return v && /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(v) ? Number(v) : undefined;
}
