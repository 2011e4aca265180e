import { isValidTwilioSignature, twilioSignature } from './twilioSignature';

// The example in Twilio's documentation on validating its requests (also in its SDKs' tests).
const URL_ = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675309',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
};
const EXPECTED = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';

describe('Twilio request signature', () => {
  it('matches the documented example, whatever order the parameters come in', () => {
    expect(twilioSignature('12345', URL_, PARAMS)).toBe(EXPECTED);
    const reversed = Object.fromEntries(Object.entries(PARAMS).reverse());
    expect(twilioSignature('12345', URL_, reversed)).toBe(EXPECTED);
  });

  it('accepts the right signature and refuses a tampered parameter, URL, token or missing header', () => {
    expect(isValidTwilioSignature('12345', URL_, PARAMS, EXPECTED)).toBe(true);
    expect(isValidTwilioSignature('12345', URL_, { ...PARAMS, Digits: '9999' }, EXPECTED)).toBe(
      false,
    );
    expect(isValidTwilioSignature('12345', `${URL_}&baz=3`, PARAMS, EXPECTED)).toBe(false);
    expect(isValidTwilioSignature('54321', URL_, PARAMS, EXPECTED)).toBe(false);
    expect(isValidTwilioSignature('12345', URL_, PARAMS, undefined)).toBe(false);
    expect(isValidTwilioSignature('12345', URL_, PARAMS, '')).toBe(false);
  });

  it('signs a WebSocket upgrade over the URL alone, and accepts it with or without the default port', () => {
    const url = 'wss://gw.example.com/twilio/stream';
    const signature = twilioSignature('token', url);
    expect(isValidTwilioSignature('token', url, {}, signature)).toBe(true);
    expect(
      isValidTwilioSignature('token', 'wss://gw.example.com:443/twilio/stream', {}, signature),
    ).toBe(true);
    expect(
      isValidTwilioSignature('token', 'wss://gw.example.com/twilio/stream2', {}, signature),
    ).toBe(false);
  });

  it('sorts the values of a repeated parameter', () => {
    expect(twilioSignature('t', 'https://x/y', { a: ['2', '1'] })).toBe(
      twilioSignature('t', 'https://x/y', { a: ['1', '2'] }),
    );
  });
});
