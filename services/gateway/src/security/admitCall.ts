import type { CarrierName, StreamStarted } from '../carriers/stream/streamEvent';
import type { NumberRoute } from '../settings/carrierSettings';

/** The carrier account the stream's credentials proved (signature or streaming token). */
export interface AuthenticatedAccount {
  readonly carrier: CarrierName;
  /** Twilio AccountSid or Telnyx account name. */
  readonly account: string;
  /** For Telnyx: the `user_id` the account must show, when configured. */
  readonly userId?: string;
}

/** A stream the gateway takes, with the route that allows it. */
export interface AdmittedCall {
  readonly ok: true;
  readonly route: NumberRoute;
  readonly callerNumber: string;
  readonly calleeNumber: string;
}

/** Why a stream was turned away (never written as an event). */
export interface RefusedCall {
  readonly ok: false;
  readonly reason: 'ACCOUNT_MISMATCH' | 'NUMBER_MISSING' | 'NUMBER_NOT_ALLOWED';
  readonly message: string;
}

/**
 * The per-number allowlist: a stream is taken only when the number it calls
 * is configured for the carrier account its credentials proved, and the
 * `start` frame names that same account. Twilio's `start` carries no numbers:
 * the TwiML passes them as `<Parameter name="to">` / `name="from"`. Pure.
 */
export const admitCall = (
  routes: readonly NumberRoute[],
  account: AuthenticatedAccount,
  start: StreamStarted,
): AdmittedCall | RefusedCall => {
  const expectedAccountId = account.carrier === 'twilio' ? account.account : account.userId;
  if (expectedAccountId !== undefined && start.accountId !== expectedAccountId) {
    return {
      ok: false,
      reason: 'ACCOUNT_MISMATCH',
      message: 'start frame names another account than the credentials',
    };
  }
  const callee = start.to ?? start.customParameters['to'];
  const caller = start.from ?? start.customParameters['from'] ?? '';
  if (callee === undefined || callee === '') {
    return {
      ok: false,
      reason: 'NUMBER_MISSING',
      message: 'the stream does not say which number was called',
    };
  }
  const route = routes.find(
    (r) => r.number === callee && r.carrier === account.carrier && r.account === account.account,
  );
  if (!route) {
    return {
      ok: false,
      reason: 'NUMBER_NOT_ALLOWED',
      message: 'the called number is not configured for this account',
    };
  }
  return { ok: true, route, callerNumber: caller, calleeNumber: callee };
};

/** True when `destination` is one the route allows transfers to (exact match). */
export const transferAllowed = (route: NumberRoute, destination: string): boolean =>
  route.transferDestinations.includes(destination);
