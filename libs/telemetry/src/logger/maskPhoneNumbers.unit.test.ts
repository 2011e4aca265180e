import { MASKED_NUMBER, maskPhoneNumbers } from './maskPhoneNumbers';

describe('maskPhoneNumbers', () => {
  it.each([
    ['+15551234567', 'E.164'],
    ['+44 20 7946 0958', 'E.164 with spaces'],
    ['555-123-4567', 'dashes'],
    ['(555) 123-4567', 'brackets'],
    ['+1 (555) 123-4567', 'country code and brackets'],
    ['5551234', 'seven bare digits'],
  ])('masks %s (%s)', (number) => {
    expect(maskPhoneNumbers(`caller ${number} hung up`)).toBe(`caller ${MASKED_NUMBER} hung up`);
  });

  it('masks every number in the text', () => {
    expect(maskPhoneNumbers('from +15551234567 to +15557654321')).toBe(
      `from ${MASKED_NUMBER} to ${MASKED_NUMBER}`,
    );
  });

  it.each([
    'listening on 127.0.0.1:4222',
    'retry 3 of 5 after 250 ms',
    'frame 123456 late',
    'version 1.22.333.4444',
  ])('leaves %j alone', (text) => {
    expect(maskPhoneNumbers(text)).toBe(text);
  });
});
