import { luhnValid } from './luhn';

describe('luhnValid', () => {
  it.each([
    '4111111111111111',
    '5500000000000004',
    '378282246310005',
    '6011111111111117',
    '79927398713',
  ])('accepts %s', (digits) => expect(luhnValid(digits)).toBe(true));
  it.each(['4111111111111112', '1234567812345678', '0000000000000000', '', '4111 1111'])(
    'rejects %p',
    (digits) => expect(luhnValid(digits)).toBe(false),
  );
});
