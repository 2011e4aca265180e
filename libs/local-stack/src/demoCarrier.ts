/**
 * The local Twilio-protocol account the stack's gateway trusts: the number a test caller dials,
 * the caller's own number, and the human's line that connect() rings. Local only: the token signs
 * requests between processes on 127.0.0.1 and is no real carrier's secret.
 */
export interface LocalCarrierAccount {
  readonly accountSid: string;
  readonly authToken: string;
  /** The Warmline number callers dial. */
  readonly number: string;
  /** The number the test caller calls from. */
  readonly callerNumber: string;
  /** The human's line: where connect() rings (the connector's callee destination). */
  readonly humanNumber: string;
  /** The connector the number belongs to (routing rules and API key scopes name it). */
  readonly connectorId: string;
}

/** The default local account (every field can be overridden through startLocalStack's options). */
export const DEFAULT_CARRIER_ACCOUNT: LocalCarrierAccount = {
  accountSid: 'AC0000000000000000000000000000a11e',
  authToken: 'local-stack-twilio-token',
  number: '+15550100100',
  callerNumber: '+15550100200',
  humanNumber: '+15550100300',
  connectorId: 'connector-local',
};
