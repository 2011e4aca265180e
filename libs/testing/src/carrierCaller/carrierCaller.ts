import { randomBytes } from 'node:crypto';
import { createConnection, type NetConnectOpts, type Socket } from 'node:net';
import { type RawData, WebSocket } from 'ws';
import { type CallIdentity, type CallerDialect } from './callerDialect';
import { concatSamples, loadCallerAudio } from './callerAudio';
import { type CallerCodec, callerCodec } from './callerCodec';
import { CallerClosedError, UpgradeRefusedError } from './callerErrors';
import type { CarrierCallerOptions, CloseInfo, GatewayFrame, ReceivedFrame } from './callerTypes';
import { Playout } from './playout';
import { truncatedTextFrame } from './rawFrames';
import { telnyxCallerDialect } from './telnyxCallerDialect';
import { twilioCallerDialect } from './twilioCallerDialect';
import { signTwilioRequest } from './twilioRequestSignature';

const FRAME_MS = 20;
const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;
const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const id = (prefix: string): string => `${prefix}${randomBytes(16).toString('hex')}`;

/** How {@link CarrierCaller.play} sends audio. */
export interface PlayOptions {
  /** One frame per 20 ms on an anchored schedule (default), or all at once. */
  readonly realTime?: boolean;
  /** `pairs`: swap each pair of frames after the first two (Telnyx documents out-of-order frames). */
  readonly reorder?: 'pairs';
}

const identityOf = (options: CarrierCallerOptions): CallIdentity => {
  const twilio = options.carrier === 'twilio';
  const numbers: Record<string, string> =
    twilio && !options.omitNumbers ? { to: options.to, from: options.from } : {};
  return {
    streamId: twilio
      ? id('MZ')
      : `${randomBytes(4).toString('hex')}-${randomBytes(2).toString('hex')}`,
    carrierCallId:
      options.carrierCallId ?? (twilio ? id('CA') : `v3:${randomBytes(24).toString('base64url')}`),
    accountId: options.accountId,
    from: options.from,
    to: options.to,
    customParameters: { ...numbers, ...options.customParameters },
    encoding: twilio ? 'PCMU' : (options.encoding ?? 'PCMU'),
    sampleRate: twilio ? 8000 : (options.sampleRate ?? 8000),
    streamingToken: options.streamingToken,
  };
};

const upgradeHeaders = (options: CarrierCallerOptions): Record<string, string> => {
  const headers: Record<string, string> = { ...options.headers };
  if (options.carrier === 'twilio' && options.authToken !== undefined) {
    headers['X-Twilio-Signature'] = signTwilioRequest(
      options.authToken,
      options.signedUrl ?? options.url,
    );
  }
  if (options.carrier === 'telnyx' && options.streamingToken !== undefined) {
    headers['x-telnyx-streaming-auth-token'] = options.streamingToken;
  }
  return headers;
};

/**
 * A phone call as a carrier streams it to the gateway: speaks Twilio Media
 * Streams or Telnyx media streaming frame by frame as documented, plays audio
 * in real time, plays out what the gateway sends like a carrier (marks, clear)
 * and records it, and can misbehave on purpose (bad JSON, binary frames, the
 * wrong stream id, out-of-order media, an abrupt close, a close mid-frame).
 */
export class CarrierCaller {
  /** Every frame the gateway sent, in arrival order. */
  readonly received: ReceivedFrame[] = [];
  /** Frames from the gateway that break the carrier's protocol. */
  readonly violations: string[] = [];
  /** Media count at the moment each `clear` arrived. */
  readonly clears: number[] = [];
  /** Frames played out to the "caller's ear", in order. */
  readonly heardFrames: Int16Array[] = [];
  /** Marks echoed back to the gateway. */
  readonly echoedMarks: string[] = [];
  /** Resolves when the socket closes. */
  readonly closed: Promise<CloseInfo>;
  readonly rate: number;
  private readonly codec: CallerCodec;
  private readonly playout: Playout;
  private sequence = 0;
  private chunk = 0;
  private mediaCount = 0;
  private isClosed = false;

  private readonly record: boolean;
  private readonly onMedia: ((atMs: number) => void) | undefined;

  private constructor(
    private readonly ws: WebSocket,
    private readonly socket: Socket,
    readonly identity: CallIdentity,
    private readonly dialect: CallerDialect,
    options: CarrierCallerOptions,
  ) {
    const playout = options.playout ?? 'realtime';
    this.record = options.record ?? true;
    this.onMedia = options.onMedia;
    this.rate = identity.sampleRate;
    this.codec = callerCodec(identity.encoding as 'PCMU' | 'PCMA' | 'L16');
    this.playout = new Playout(
      playout,
      {
        played: (samples) => {
          if (this.record) this.heardFrames.push(samples);
        },
        markReached: (name) => {
          this.echoedMarks.push(name);
          this.send(this.dialect.markEcho(++this.sequence, name));
        },
      },
      nowMs,
    );
    this.closed = new Promise((resolve) => {
      ws.once('close', (code, reason) => {
        this.isClosed = true;
        this.playout.stop();
        resolve({ code, reason: reason.toString('utf8') });
      });
    });
    ws.on('message', (data, isBinary) => this.receive(data, isBinary));
    ws.on('error', () => undefined); // the close that follows is what tests look at
  }

  /**
   * Opens the stream: WebSocket upgrade (signed for Twilio, with the
   * streaming token for Telnyx), then `connected` and `start` unless `start`
   * is false.
   *
   * @throws {@link UpgradeRefusedError} when the gateway answers the upgrade with an HTTP error.
   */
  static async dial(options: CarrierCallerOptions, start = true): Promise<CarrierCaller> {
    const identity = identityOf(options);
    const dialect =
      options.carrier === 'twilio' ? twilioCallerDialect(identity) : telnyxCallerDialect(identity);
    let socket: Socket | undefined;
    const ws = new WebSocket(options.url, {
      headers: upgradeHeaders(options),
      perMessageDeflate: false,
      createConnection: ((connectOptions: NetConnectOpts) => {
        socket = createConnection(connectOptions);
        return socket;
      }) as typeof createConnection,
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => {
        res.resume();
        ws.terminate();
        reject(new UpgradeRefusedError(res.statusCode ?? 0));
      });
      ws.once('error', reject);
    });
    const caller = new CarrierCaller(ws, socket!, identity, dialect, options);
    if (start) {
      caller.sendJson(dialect.connected());
      caller.sendJson(dialect.start(++caller.sequence));
    }
    return caller;
  }

  /** Media frames received from the gateway so far. */
  get mediaReceived(): number {
    return this.mediaCount;
  }

  /** Everything played out so far. */
  heard(): Int16Array {
    return concatSamples(this.heardFrames);
  }

  /** Media frames received after the last `clear` (0 when none came after it). */
  get mediaAfterLastClear(): number {
    const last = this.clears.at(-1);
    return last === undefined ? this.mediaCount : this.mediaCount - last;
  }

  /** Plays PCM at the carrier rate as 20 ms media frames. */
  async play(samples: Int16Array, options: PlayOptions = {}): Promise<void> {
    const frameSamples = (this.rate * FRAME_MS) / 1000;
    const frames: Int16Array[] = [];
    for (let i = 0; i + frameSamples <= samples.length; i += frameSamples)
      frames.push(samples.subarray(i, i + frameSamples));
    const numbered = frames.map((frame) => ({ frame, chunk: ++this.chunk }));
    if (options.reorder === 'pairs') {
      for (let i = 2; i + 1 < numbered.length; i += 2)
        [numbered[i], numbered[i + 1]] = [numbered[i + 1]!, numbered[i]!];
    }
    const anchor = nowMs();
    for (const [n, { frame, chunk }] of numbered.entries()) {
      if (this.isClosed) return;
      if (options.realTime !== false) await sleep(anchor + n * FRAME_MS - nowMs());
      const payload = Buffer.from(this.codec.encode(frame)).toString('base64');
      this.sendJson(this.dialect.media(++this.sequence, chunk, (chunk - 1) * FRAME_MS, payload));
    }
  }

  /**
   * Sends the next media frame now with an already encoded, base64 payload
   * (for load tests that drive many callers from one timer).
   */
  sendMediaPayload(payload: string): void {
    const chunk = ++this.chunk;
    this.sendJson(this.dialect.media(++this.sequence, chunk, (chunk - 1) * FRAME_MS, payload));
  }

  /** Plays a WAV file or raw 16-bit PCM in real time. */
  playFile(path: string, options: PlayOptions = {}): Promise<void> {
    return this.play(loadCallerAudio(path, this.rate), options);
  }

  /** The caller presses a key. */
  sendDtmf(digit: string): void {
    this.sendJson(this.dialect.dtmf(++this.sequence, digit));
  }

  /** The caller hangs up: `stop`, then the carrier closes the socket. */
  async hangUp(): Promise<CloseInfo> {
    this.sendJson(this.dialect.stop(++this.sequence));
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close(1000, 'stop');
    return this.closed;
  }

  /** Sends any text frame (bad JSON, unknown events). */
  sendText(text: string): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(text);
  }

  /** Sends one JSON frame. */
  sendJson(frame: object): void {
    this.sendText(JSON.stringify(frame));
  }

  /** Sends a binary frame (carriers never do). */
  sendBinary(bytes: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(bytes, { binary: true });
  }

  /** Sends a media frame that names another stream. */
  sendMediaOfStream(streamId: string): void {
    const frame = this.dialect.media(++this.sequence, ++this.chunk, 0, 'AAAA') as Record<
      string,
      unknown
    >;
    this.sendJson({
      ...frame,
      ...('streamSid' in frame ? { streamSid: streamId } : { stream_id: streamId }),
    });
  }

  /** Drops the TCP connection without a close frame. */
  closeAbruptly(): Promise<CloseInfo> {
    this.socket.destroy();
    return this.closed;
  }

  /** Writes the start of a frame and drops the TCP connection in the middle of it. */
  closeMidFrame(): Promise<CloseInfo> {
    this.socket.write(truncatedTextFrame(300, 40), () => this.socket.destroy());
    return this.closed;
  }

  /** Waits until `check` holds, polling every 10 ms (rejects after `timeoutMs`). */
  async waitUntil(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`test caller: timed out waiting for ${what}`);
      if (this.isClosed && !check())
        throw new CallerClosedError(0, `closed while waiting for ${what}`);
      await sleep(10);
    }
  }

  private send(frame: object): void {
    this.sendJson(frame);
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.violations.push('binary frame from the gateway');
      return;
    }
    const text = Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.isBuffer(data)
        ? data.toString('utf8')
        : Buffer.from(data).toString('utf8');
    const frame: GatewayFrame | string = this.dialect.parse(text);
    if (typeof frame === 'string') {
      this.violations.push(frame);
      return;
    }
    const atMs = nowMs();
    if (this.record) this.received.push({ frame, atMs });
    switch (frame.kind) {
      case 'media':
        this.mediaCount++;
        this.onMedia?.(atMs);
        this.playout.media(this.codec.decode(frame.payload));
        return;
      case 'mark':
        this.playout.mark(frame.name);
        return;
      case 'clear':
        this.clears.push(this.mediaCount);
        this.playout.clear();
        return;
    }
  }
}
