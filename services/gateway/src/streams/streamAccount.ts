import type { TelnyxAccount, TwilioAccount } from '../settings/carrierSettings';

/** The carrier account a stream's upgrade credentials proved. */
export type StreamAccount =
  | { readonly carrier: 'twilio'; readonly account: TwilioAccount }
  | { readonly carrier: 'telnyx'; readonly account: TelnyxAccount };

/** How routes and resumes name the account. */
export const accountName = (stream: StreamAccount): string =>
  stream.carrier === 'twilio' ? stream.account.accountSid : stream.account.name;
