/** What a `<Dial>` TwiML update asks the carrier to do (the parts the local carrier acts on). */
export interface DialRequest {
  /** The `<Number>` or `<Sip>` dialed. */
  readonly destination: string;
  readonly timeoutSeconds: number;
  readonly callerId?: string;
  /** Where the callee leg's progress is posted (signed). */
  readonly statusCallbackUrl: string;
  /** The `<Connect><Stream url>` Twilio runs once the dial ends. */
  readonly streamUrl?: string;
  /** The `<Parameter>`s of that stream. */
  readonly streamParameters: Readonly<Record<string, string>>;
}

const unescape = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attribute = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescape(match[1]!) : undefined;
};

/**
 * Reads a TwiML document with a `<Dial>` (as the gateway writes for a transfer); undefined when
 * it has no `<Dial>` with a `<Number>` or `<Sip>` and a status callback. Pure.
 */
export const parseDialTwiml = (twiml: string): DialRequest | undefined => {
  const dial = /<Dial(\s[^>]*)?>/.exec(twiml);
  const noun = /<(Number|Sip)(\s[^>]*)?>([^<]*)<\/\1>/.exec(twiml);
  if (!dial || !noun) return undefined;
  const statusCallbackUrl = attribute(noun[2] ?? '', 'statusCallback');
  if (!statusCallbackUrl) return undefined;
  const stream = /<Connect>\s*<Stream(\s[^>]*)?>(.*?)<\/Stream>/s.exec(twiml);
  const streamParameters: Record<string, string> = {};
  for (const p of (stream?.[2] ?? '').matchAll(/<Parameter(\s[^>]*)\/>/g)) {
    const name = attribute(p[1]!, 'name');
    if (name !== undefined) streamParameters[name] = attribute(p[1]!, 'value') ?? '';
  }
  const callerId = attribute(dial[1] ?? '', 'callerId');
  const streamUrl = stream ? attribute(stream[1] ?? '', 'url') : undefined;
  return {
    destination: unescape(noun[3]!.trim()),
    timeoutSeconds: Number(attribute(dial[1] ?? '', 'timeout') ?? 30),
    ...(callerId === undefined ? {} : { callerId }),
    statusCallbackUrl,
    ...(streamUrl === undefined ? {} : { streamUrl }),
    streamParameters,
  };
};
