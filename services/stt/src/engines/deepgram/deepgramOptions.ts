/** How the Deepgram live-streaming adapter connects. */
export interface DeepgramOptions {
  /** Sent as `Authorization: Token <apiKey>`. */
  readonly apiKey: string;
  /** `wss://api.deepgram.com` unless a proxy or a test server stands in. */
  readonly baseUrl: string;
  /** e.g. `nova-3`, `nova-2-phonecall`. */
  readonly model: string;
  readonly language: string;
  /** Deepgram's own silence endpointing in ms, or false. Warmline ends turns itself; this only shapes finals. */
  readonly endpointingMs: number | false;
  /** Frames kept while the socket opens (50 = 1 s); older ones are dropped beyond it. */
  readonly maxBufferedFrames: number;
  /** Bound on bytes waiting in the socket; frames beyond it are dropped. */
  readonly maxPendingBytes: number;
}

/** Defaults: nova-3, US English, 300 ms endpointing. `apiKey` has no default. */
export const DEFAULT_DEEPGRAM_OPTIONS: Omit<DeepgramOptions, 'apiKey'> = {
  baseUrl: 'wss://api.deepgram.com',
  model: 'nova-3',
  language: 'en-US',
  endpointingMs: 300,
  maxBufferedFrames: 50,
  maxPendingBytes: 64_000,
};

/**
 * The live-streaming URL with the documented query parameters: raw 16 kHz
 * 16-bit little-endian mono (`encoding=linear16&sample_rate=16000&channels=1`)
 * and interim results.
 */
export const deepgramListenUrl = (options: Omit<DeepgramOptions, 'apiKey'>): string => {
  const url = new URL('/v1/listen', options.baseUrl);
  const params: Record<string, string> = {
    model: options.model,
    language: options.language,
    encoding: 'linear16',
    sample_rate: '16000',
    channels: '1',
    interim_results: 'true',
    punctuate: 'true',
    endpointing: options.endpointingMs === false ? 'false' : String(options.endpointingMs),
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
};
