import { xmlEscape } from './xmlEscape';

/** Where and how a Twilio caller is dialed to a callee, then streamed back if nobody answers. */
export interface DialTwimlOptions {
  /** E.164 number or `sip:` URI, from configuration (checked against the number's allowlist). */
  destination: string;
  ringTimeSeconds: number;
  /** Caller id shown to the callee (E.164). */
  callerId?: string;
  /** Absolute URL Twilio posts the callee leg's progress to (signed). */
  statusCallbackUrl: string;
  /** The gateway's stream URL (`wss://…/twilio/stream`) for the caller's return to the agent. */
  streamUrl: string;
  /** `<Parameter>`s of the returning stream (the call id, a resume token, the numbers). */
  streamParameters: Readonly<Record<string, string>>;
  /** Context for the callee leg: carried as `X-` SIP headers on a `sip:` destination. */
  handoffData?: Readonly<Record<string, string>>;
}

const attrs = (pairs: Readonly<Record<string, string | number | undefined>>): string =>
  Object.entries(pairs)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => ` ${key}="${xmlEscape(String(value))}"`)
    .join('');

const sipWithHeaders = (uri: string, handoff: Readonly<Record<string, string>>): string => {
  const headers = Object.entries(handoff)
    .filter(([key]) => /^[A-Za-z0-9-]{1,64}$/.test(key))
    .map(([key, value]) => `X-${key}=${encodeURIComponent(value)}`);
  if (headers.length === 0) return uri;
  return `${uri}${uri.includes('?') ? '&' : '?'}${headers.join('&')}`;
};

/**
 * TwiML that dials the callee from a live call: `<Dial>` with a `<Number>`
 * (or `<Sip>`) whose progress events post to the gateway, followed by a
 * `<Connect><Stream>` back to the gateway. Twilio runs the verb after
 * `<Dial>` when the dial ends, so a callee who does not answer returns the
 * caller to the agent on a new stream that names the call.
 */
export const dialTwiml = (options: DialTwimlOptions): string => {
  const noun = options.destination.startsWith('sip:') ? 'Sip' : 'Number';
  const target =
    noun === 'Sip'
      ? sipWithHeaders(options.destination, options.handoffData ?? {})
      : options.destination;
  const progress = attrs({
    statusCallback: options.statusCallbackUrl,
    statusCallbackEvent: 'initiated ringing answered completed',
    statusCallbackMethod: 'POST',
  });
  const parameters = Object.entries(options.streamParameters)
    .map(([name, value]) => `<Parameter${attrs({ name, value })}/>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<Response>' +
    `<Dial${attrs({ timeout: options.ringTimeSeconds, callerId: options.callerId })}>` +
    `<${noun}${progress}>${xmlEscape(target)}</${noun}>` +
    '</Dial>' +
    `<Connect><Stream${attrs({ url: options.streamUrl })}>${parameters}</Stream></Connect>` +
    '</Response>'
  );
};
