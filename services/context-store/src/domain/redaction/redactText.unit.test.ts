import {
  DEFAULT_REDACTION,
  NO_REDACTION,
  type RedactionKind,
  type RedactionPolicy,
} from './redactionPolicy';
import { redactText } from './redactText';

const redact = (text: string) => redactText(text, DEFAULT_REDACTION);
const only = (...kinds: RedactionKind[]): RedactionPolicy => ({
  enabled: true,
  kinds: new Set(kinds),
});
const CARD = '[card number redacted]';

describe('redactText: card numbers', () => {
  it.each([
    ['compact Visa', 'my card is 4111111111111111 thanks', `my card is ${CARD} thanks`],
    ['spaced', 'it is 4111 1111 1111 1111.', `it is ${CARD}.`],
    ['dashed', 'card 5500-0000-0000-0004 ok', `card ${CARD} ok`],
    ['Amex 15 digits in 4-6-5', 'amex 3782 822463 10005', `amex ${CARD}`],
    ['followed by an expiry in the same run', '4111 1111 1111 1111 12 27', `${CARD} 12 27`],
    ['spoken as words', 'four one one one one one one one one one one one one one one one', CARD],
    ['spoken with "double"', `four double one${' one'.repeat(13)}`, CARD],
    ['mixed words and digits', 'it is four 111 1111 1111 1111', `it is ${CARD}`],
  ])('redacts a valid number: %s', (_name, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    ['failing the Luhn check', 'order 4111 1111 1111 1112 shipped'],
    ['too short', 'ticket 411111111111'],
    ['a phone number', 'call me on +1 415 555 0123 or 4155550123'],
    ['an amount', 'I paid 1,250 dollars on the 12th'],
  ])('keeps a number that is no card: %s', (_name, text) => {
    expect(redact(text)).toBe(text);
  });
});

describe('redactText: security codes', () => {
  it.each([
    ['the security code is 123', 'the security code is [security code redacted]'],
    ['Security code: 4321.', 'Security code: [security code redacted].'],
    ['my CVV is seven eight nine', 'my CVV is [security code redacted]'],
    [
      'the three digits on the back are 987',
      'the three digits on the back are [security code redacted]',
    ],
  ])('redacts a code after its cue: %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps short numbers without a cue', () => {
    expect(redact('I have 123 points and room 456')).toBe('I have 123 points and room 456');
  });
});

describe('redactText: IBANs and SSNs', () => {
  it.each([
    ['DE89 3704 0044 0532 0130 00', '[IBAN redacted]'],
    ['send it to GB82WEST12345698765432 please', 'send it to [IBAN redacted] please'],
    ['iban gb82 west 1234 5698 7654 32 then stop', 'iban [IBAN redacted] then stop'],
  ])('redacts an IBAN-like number: %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps words that merely start like an IBAN', () => {
    expect(redact('ab12 then I went home')).toBe('ab12 then I went home');
  });

  it.each([
    ['SSN 123-45-6789', 'SSN [SSN redacted]'],
    ['it is 123 45 6789', 'it is [SSN redacted]'],
    [
      'my social security number is one two three four five six seven eight nine',
      'my social security number is [SSN redacted]',
    ],
  ])('redacts a social security number: %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps numbers the SSA never issues, and nine digits without a cue', () => {
    expect(redact('ref 000-12-3456 and 666-12-3456')).toBe('ref 000-12-3456 and 666-12-3456');
    expect(redact('tracking 123456789')).toBe('tracking 123456789');
  });
});

describe('redactText: policy', () => {
  const text = 'card 4111 1111 1111 1111, security code 123, SSN 123-45-6789';

  it('redacts several kinds in one text', () => {
    expect(redact(text)).toBe(
      `card ${CARD}, security code [security code redacted], SSN [SSN redacted]`,
    );
  });

  it('redacts only the configured kinds, and nothing when disabled', () => {
    expect(redactText(text, only('ssn'))).toBe(
      'card 4111 1111 1111 1111, security code 123, SSN [SSN redacted]',
    );
    expect(redactText(text, NO_REDACTION)).toBe(text);
  });
});
