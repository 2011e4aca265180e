import { CarrierCaller, type CarrierCallerOptions } from '@warmline/testing';
import type { CarrierAccounts } from '../settings/carrierSettings';
import { testParties } from './testCarrierSettings';
import { TEST_PUBLIC_BASE_URL } from './testGatewayConfig';

/** Dials carrier-protocol callers at a test gateway. */
export interface TestCallers {
  /** A Twilio-protocol caller, signed with the test account's Auth Token unless overridden. */
  twilioCaller(overrides?: Partial<CarrierCallerOptions>, start?: boolean): Promise<CarrierCaller>;
  /** A Telnyx-protocol caller with the test application's streaming token unless overridden. */
  telnyxCaller(overrides?: Partial<CarrierCallerOptions>, start?: boolean): Promise<CarrierCaller>;
}

/**
 * Callers of the first Twilio and Telnyx test accounts at the gateway on `port`, from the
 * test parties' numbers, or from `from()` when given (e.g. a fresh number per call).
 */
export const testCallers = (
  port: number,
  accounts: CarrierAccounts,
  from?: () => string,
): TestCallers => {
  const twilio = accounts.twilio[0];
  const telnyx = accounts.telnyx[0];
  return {
    twilioCaller: (overrides = {}, start = true) =>
      CarrierCaller.dial(
        {
          carrier: 'twilio',
          url: `ws://127.0.0.1:${port}/twilio/stream`,
          signedUrl: `${TEST_PUBLIC_BASE_URL.replace(/^https/, 'wss')}/twilio/stream`,
          authToken: twilio?.authToken,
          accountId: twilio?.accountSid ?? 'AC-none',
          ...testParties.twilio,
          ...(from ? { from: from() } : {}),
          ...overrides,
        },
        start,
      ),
    telnyxCaller: (overrides = {}, start = true) =>
      CarrierCaller.dial(
        {
          carrier: 'telnyx',
          url: `ws://127.0.0.1:${port}/telnyx/stream`,
          streamingToken: telnyx?.streamingAuthToken,
          accountId: telnyx?.userId ?? 'user-none',
          ...testParties.telnyx,
          ...(from ? { from: from() } : {}),
          ...overrides,
        },
        start,
      ),
  };
};
