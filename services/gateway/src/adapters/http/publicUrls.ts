/** The gateway's HTTP paths (one port for WebSocket streams and carrier callbacks). */
export const paths = {
  twilioStream: '/twilio/stream',
  telnyxStream: '/telnyx/stream',
  twilioCalleeStatus: '/twilio/callee-status',
  telnyxCalleeEvents: '/telnyx/callee-events',
  health: '/healthz',
} as const;

/** Absolute URLs as the carriers see the gateway. */
export interface PublicUrls {
  /** `wss://host/…` for a path and query as received (the URL Twilio signs for a stream upgrade). */
  stream(pathAndQuery: string): string;
  /** `https://host/…` for a path and query as received (the URL Twilio signs for a callback). */
  http(pathAndQuery: string): string;
  /** Where Twilio posts a callee leg's progress. */
  twilioCalleeStatus(callId: string, calleeLegId: string): string;
  /** Where Telnyx posts a transferred leg's webhooks. */
  telnyxCalleeEvents(callId: string, calleeLegId: string): string;
}

/**
 * URLs under the configured public base (`https://gw.example.com`, or a path
 * prefix below it). Streams use the same host with `wss:` (`ws:` for `http:`).
 * Twilio signs the exact URL it requested, so the base must be what the
 * carrier is configured with, byte for byte.
 */
export const publicUrls = (base: string): PublicUrls => {
  const httpBase = base.replace(/\/+$/, '');
  const streamBase = httpBase.replace(/^http(s?):/, 'ws$1:');
  const query = (callId: string, calleeLegId: string) =>
    `?${new URLSearchParams({ callId, legId: calleeLegId }).toString()}`;
  return {
    stream: (pathAndQuery) => `${streamBase}${pathAndQuery}`,
    http: (pathAndQuery) => `${httpBase}${pathAndQuery}`,
    twilioCalleeStatus: (callId, legId) =>
      `${httpBase}${paths.twilioCalleeStatus}${query(callId, legId)}`,
    telnyxCalleeEvents: (callId, legId) =>
      `${httpBase}${paths.telnyxCalleeEvents}${query(callId, legId)}`,
  };
};
