import type { CarrierAccounts, NumberRoute } from '../settings/carrierSettings';

/** Test credentials: a Twilio account and a Telnyx application. */
export const testAccounts = (apiBaseUrl = 'http://127.0.0.1:9'): CarrierAccounts => ({
  twilio: [
    {
      accountSid: 'AC00000000000000000000000000000001',
      authToken: 'twilio-auth-token-for-tests',
      apiBaseUrl,
    },
  ],
  telnyx: [
    {
      name: 'telnyx-main',
      streamingAuthToken: 'telnyx-streaming-token-for-tests',
      userId: '3E6F995F-85F7-4705-9741-53B116D28237',
      apiKey: 'KEY0123456789ABCDEF_test',
      apiBaseUrl,
    },
  ],
});

/** The numbers of the test accounts. */
export const testNumbers: readonly NumberRoute[] = [
  {
    number: '+15550001111',
    carrier: 'twilio',
    account: 'AC00000000000000000000000000000001',
    connectorId: 'connector-twilio',
    transferDestinations: ['+15559990000', 'sip:desk@pbx.example.com'],
  },
  {
    number: '+15550002222',
    carrier: 'telnyx',
    account: 'telnyx-main',
    connectorId: 'connector-telnyx',
    transferDestinations: ['+15559990000'],
  },
];

/** Numbers the test callers dial from and to. */
export const testParties = {
  twilio: { to: '+15550001111', from: '+15557770001' },
  telnyx: { to: '+15550002222', from: '+15557770002' },
  notConfigured: '+15550003333',
} as const;
