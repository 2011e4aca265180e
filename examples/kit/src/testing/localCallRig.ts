import { type Db, MongoClient } from 'mongodb';
import { isVoiceEnergy, pcmFromBytes, resample } from '@warmline/audio';
import {
  DEFAULT_CARRIER_ACCOUNT,
  type DialRequest,
  type LocalStack,
  type LocalTwilioCarrier,
  type ServiceName,
  parseDialTwiml,
  startLocalStack,
  startLocalTwilioCarrier,
} from '@warmline/local-stack';
import { type ActiveCall, WarmlineClient, WarmlineClientConfig, events } from '@warmline/sdk';
import {
  type Baresip,
  CarrierCaller,
  type FerretDbHandle,
  startFerretDb,
  waitFor,
} from '@warmline/testing';
import { FliteSynthesizer } from '../engines/fliteSynthesizer';
import { PocketsphinxTranscriber } from '../engines/pocketsphinxTranscriber';
import type { SpeechRecognizer } from '../engines/speechRecognizer';
import { warmUpSpeech } from '../engines/warmUpSpeech';
import { envelopeMatch } from './envelopeMatch';
import { type CalleeAnswer, type ScriptPart, SipParties } from './sipParties';

/** What {@link LocalCallRig.start} runs besides the stack. */
export interface RigOptions {
  /** Default `call-control` and `gateway`: the example plays every other part itself. */
  readonly services?: readonly ServiceName[];
  /** Start the recogniser (to check what the caller heard, and for the app). */
  readonly recognizer?: boolean;
  /** The client's sample rate; default 16 000. */
  readonly sampleRate?: 8000 | 16000 | 24000;
  /**
   * Also run the gateway's SIP side: a baresip callee (`bob`) that `connect()` rings, through the
   * gateway's 3-party mixer, and baresip callers ({@link LocalCallRig.dialSip}).
   */
  readonly sip?: boolean | { readonly callee: CalleeAnswer };
}

/** `pcm` without its leading and trailing digital quiet (flite pads a line with it). */
const withoutQuietEnds = (pcm: Int16Array): Int16Array => {
  const loud = (x: number) => Math.abs(x) >= 64;
  const first = pcm.findIndex(loud);
  if (first < 0) return pcm;
  return pcm.subarray(first, pcm.findLastIndex(loud) + 1);
};

/** The SIP number callers dial (`sip:support@127.0.0.1:<port>`). */
export const SIP_USER = 'support';

/** One phone call placed through the gateway by a Twilio-protocol caller. */
export interface RigCall {
  readonly callId: string;
  readonly caller: CarrierCaller;
  /** The `<Dial>` the gateway asked Twilio for, once `connect()` rang the callee. */
  readonly dial: () => RigDial | undefined;
}

/** A `<Dial>` the gateway asked the carrier for, and the Warmline call it belongs to. */
export interface RigDial extends DialRequest {
  readonly callId: string;
}

/**
 * End-to-end rig: `@warmline/local-stack` (nats-server, call-control, the gateway as processes;
 * FerretDB for the example's data) with the SDK handler, local-stack's {@link LocalTwilioCarrier} as Twilio's REST API and
 * the human's line (answers by default; {@link LocalTwilioCarrier.setCallee}), an SDK
 * client for the example, and {@link CarrierCaller}s placing real calls to the gateway's Twilio
 * media-stream endpoint. The caller speaks flite lines in real time; what it heard is recognised
 * with pocketsphinx.
 */
export class LocalCallRig {
  private readonly seen = new Map<string, string[]>();
  /** Every line the application recognised through {@link appRecognizer}, in order. */
  readonly recognised: string[] = [];
  private readonly calls: ActiveCall[] = [];
  private readonly voice = new FliteSynthesizer({ sampleRate: 8000 });
  private readonly appVoice: FliteSynthesizer;
  private readonly callers: CarrierCaller[] = [];

  private constructor(
    readonly stack: LocalStack,
    readonly twilio: LocalTwilioCarrier,
    readonly client: WarmlineClient,
    readonly mongo: MongoClient,
    readonly recognizer: PocketsphinxTranscriber | undefined,
    private readonly ferret: FerretDbHandle,
    sampleRate: 8000 | 16000 | 24000,
    /** The SIP side, when started with `sip`. */
    readonly sip: { readonly parties: SipParties; readonly port: number } | undefined,
  ) {
    this.appVoice = new FliteSynthesizer({ sampleRate });
    const note = (call: ActiveCall, what: string) =>
      void this.seen.set(call.callId, [...(this.seen.get(call.callId) ?? []), what]);
    client.on(events.INCOMING_CALL, (call) => {
      this.calls.push(call);
      note(call, 'PENDING');
    });
    client.on(events.CALL_ANSWERED, (call) => note(call, 'ANSWERED'));
    client.on(events.CALL_CONNECTED, (call) => note(call, 'CONNECTED'));
    client.on(events.CALL_CONNECT_FAILED, (call, { errorCode }) =>
      note(call, `CONNECT_FAILED:${errorCode}`),
    );
    client.on(events.CALL_MODE_CHANGED, (call, { mode }) => note(call, `MODE:${mode}`));
    client.on(events.CALL_TERMINATED, (call, { reason }) => note(call, `TERMINATED:${reason}`));
    // Twilio ends the caller's media stream when the live call is redirected to <Dial>.
    twilio.onEvent(async (event) => {
      if (event.kind !== 'stream-ended-for-dial') return;
      const caller = this.callers.find((c) => c.identity.carrierCallId === event.callSid);
      await caller?.hangUp();
    });
  }

  /** Starts everything; `register` adds the example's handlers before the client is ready. */
  static async start(
    options: RigOptions,
    register: (rig: LocalCallRig) => void,
  ): Promise<LocalCallRig> {
    const account = DEFAULT_CARRIER_ACCOUNT;
    const [twilio, ferret, parties] = await Promise.all([
      startLocalTwilioCarrier(account),
      startFerretDb(),
      options.sip
        ? SipParties.start(options.sip === true ? 'answer' : options.sip.callee)
        : undefined,
    ]);
    let stack: LocalStack | undefined;
    try {
      stack = await startLocalStack({
        ...(parties ? { sip: { calleeUri: parties.callee.uri, user: SIP_USER } } : {}),
        carrier: account,
        mongoUrl: ferret.url,
        services: options.services ?? ['call-control', 'gateway'],
        handler: 'SDK',
        carrierApiBaseUrl: twilio.baseUrl,
        logs: process.env.EXAMPLES_E2E_LOGS ? 'stdout' : 'silent',
      });
      const mongo = await MongoClient.connect(stack.mongoUrl);
      const recognizer = options.recognizer
        ? new PocketsphinxTranscriber({ maxStreams: 1 })
        : undefined;
      await recognizer?.start(await warmUpSpeech());
      const callControl = stack.callControl!;
      const client = new WarmlineClient(
        WarmlineClientConfig.sandbox({
          apiKey: callControl.apiKey,
          address: callControl.grpcAddress,
          connectorIds: [stack.carrier.connectorId],
          sampleRate: options.sampleRate ?? 16000,
        }),
      );
      const rig = new LocalCallRig(
        stack,
        twilio,
        client,
        mongo,
        recognizer,
        ferret,
        options.sampleRate ?? 16000,
        parties ? { parties, port: stack.gateway!.sip!.port } : undefined,
      );
      register(rig);
      await client.ready();
      await new Promise((resolve) => setTimeout(resolve, 200)); // delivery starts just after ready
      return rig;
    } catch (error) {
      await stack?.stop();
      await Promise.all([twilio.close(), ferret.stop(), parties?.stop()]);
      throw error;
    }
  }

  /**
   * The rig's recogniser for the application (started with `recognizer`): each line it recognises
   * is kept in {@link recognised}, to show in a failed wait (`() => rig.recognised.join(' | ')`).
   */
  get appRecognizer(): SpeechRecognizer {
    const recognizer = this.recognizer;
    if (!recognizer) throw new Error('the rig was started without a recognizer');
    return {
      transcribe: async (samples) => {
        const heard = await recognizer.transcribe(samples);
        this.recognised.push(heard.text);
        return heard;
      },
    };
  }

  /** The examples' database on the stack's FerretDB. */
  get db(): Db {
    return this.mongo.db('examples');
  }

  /** A caller dials the local number from `from`; resolves once the app got the call. */
  async dial(from: string = this.stack.carrier.callerNumber): Promise<RigCall> {
    const gateway = this.stack.gateway!;
    const known = new Set(this.calls);
    const caller = await CarrierCaller.dial({
      carrier: 'twilio',
      url: gateway.twilioStreamUrl,
      signedUrl: gateway.twilioStreamUrl,
      authToken: this.stack.carrier.authToken,
      accountId: this.stack.carrier.accountSid,
      from,
      to: this.stack.carrier.number,
    });
    this.callers.push(caller);
    const call = await waitFor(
      () => this.calls.find((c) => !known.has(c) && c.callerNumber === from),
      { timeoutMs: 15_000, describe: () => `a call from ${from} delivered to the app` },
    );
    const carrierCallId = caller.identity.carrierCallId;
    return {
      callId: call.callId,
      caller,
      dial: () => this.dialOf(carrierCallId),
    };
  }

  /**
   * A SIP caller (baresip) dials the gateway and plays `script` from the moment the call is
   * answered; resolves once the app got the call. Read its recording after the call closed.
   */
  async dialSip(script: readonly ScriptPart[]): Promise<{ callId: string; caller: Baresip }> {
    if (!this.sip) throw new Error('the rig was started without sip');
    const known = new Set(this.calls);
    const caller = await this.sip.parties.caller(script);
    await caller.dial(`sip:${SIP_USER}@127.0.0.1:${this.sip.port}`);
    const call = await waitFor(() => this.calls.find((c) => !known.has(c)), {
      timeoutMs: 15_000,
      describe: () => 'a SIP call delivered to the app',
    });
    return { callId: call.callId, caller };
  }

  /** The `<Dial>` the gateway sent the carrier for the call `carrierCallId`, if any. */
  private dialOf(carrierCallId: string): RigDial | undefined {
    const twiml = this.twilio.requests.find(
      (r) => r.path.endsWith(`/Calls/${carrierCallId}.json`) && r.form.Twiml !== undefined,
    )?.form.Twiml;
    const request = twiml === undefined ? undefined : parseDialTwiml(twiml);
    if (!request) return undefined;
    const callId = new URL(request.statusCallbackUrl).searchParams.get('callId') ?? '';
    return { ...request, callId };
  }

  /** The states the application saw for `callId`, in order. */
  states(callId: string): readonly string[] {
    return this.seen.get(callId) ?? [];
  }

  /** Waits until the application saw `state` (or a state starting with it). */
  reached(
    callId: string,
    state: string,
    timeoutMs = 30_000,
    more: () => string = () => '',
  ): Promise<true> {
    return waitFor(
      () => (this.states(callId).some((s) => s.startsWith(state)) ? true : undefined),
      {
        timeoutMs,
        describe: () =>
          `call ${callId} reached ${state}; saw ${this.states(callId).join(', ')} ${more()}`,
      },
    );
  }

  /** The caller says `text` in real time (flite at 8 kHz, then 1.2 s of quiet). */
  async say(call: RigCall, text: string): Promise<void> {
    const speech = pcmFromBytes(await this.voice.synthesize(text));
    const samples = new Int16Array(speech.length + 9_600);
    samples.set(speech);
    await call.caller.play(samples);
  }

  /** The caller stays on the line, quiet, for `ms` (silent media frames, as a carrier sends). */
  async pause(call: RigCall, ms: number): Promise<void> {
    await call.caller.play(new Int16Array((call.caller.rate * ms) / 1000));
  }

  /**
   * The caller says `text` until the app reaches `state`, as a caller repeats themselves when the
   * agent did not understand (pocketsphinx on 8 kHz telephone audio misses words now and then):
   * at most `attempts` times, each time after the agent's reply has ended. Resolves with the
   * number of attempts it took.
   */
  async sayUntil(
    call: RigCall,
    text: string,
    state: string,
    attempts = 3,
    more: () => string = () => '',
  ): Promise<number> {
    for (let attempt = 1; ; attempt += 1) {
      await this.say(call, text);
      try {
        await this.reached(call.callId, state, 10_000, more);
        return attempt;
      } catch (error) {
        if (attempt >= attempts) throw error;
        await this.agentDone(call);
      }
    }
  }

  /** How much speech (frames above -45 dBFS, in ms) the caller heard from `fromFrame` on. */
  heardSpeechMs(call: RigCall, fromFrame = 0): number {
    const loud = call.caller.heardFrames.slice(fromFrame).filter((f) => isVoiceEnergy(f, -45));
    return loud.length * 20;
  }

  /**
   * How well the agent's `line` (synthesised the way the app does, then at the caller's rate)
   * appears in what the caller heard from `fromFrame` on: see {@link envelopeMatch}; a whole line
   * heard scores above 0.8, a cut, missing or different one far lower.
   */
  async heardLine(call: RigCall, line: string, fromFrame = 0): Promise<number> {
    return this.lineMatch(this.heardAudio(call, fromFrame), call.caller.rate, line);
  }

  /**
   * How well the agent's `line` appears in `heard` (PCM at `rate`, e.g. a baresip caller's
   * recording), as {@link heardLine} scores it. The line's own leading and trailing quiet is left
   * out: a recording that ends with the call (BYE right after the last word) holds no tail.
   */
  async lineMatch(heard: Int16Array, rate: number, line: string): Promise<number> {
    const expected = resample(
      pcmFromBytes(await this.appVoice.synthesize(line)),
      this.appVoice.sampleRate,
      rate,
    );
    return envelopeMatch(heard, withoutQuietEnds(expected), rate);
  }

  /** Everything the caller heard from `fromFrame` on, at the caller's rate. */
  heardAudio(call: RigCall, fromFrame = 0): Int16Array {
    const frames = call.caller.heardFrames.slice(fromFrame);
    const pcm = new Int16Array(frames.reduce((n, f) => n + f.length, 0));
    let at = 0;
    for (const frame of frames) {
      pcm.set(frame, at);
      at += frame.length;
    }
    return pcm;
  }

  /** How much speech (ms, as {@link heardSpeechMs} counts it) the agent's `line` holds. */
  async speechMsOf(line: string): Promise<number> {
    const pcm = pcmFromBytes(await this.voice.synthesize(line));
    let loud = 0;
    for (let at = 0; at + 160 <= pcm.length; at += 160)
      if (isVoiceEnergy(pcm.subarray(at, at + 160), -45)) loud += 20;
    return loud;
  }

  /** Waits until the caller has heard some speech after `fromFrame`; returns the frame count. */
  async heardSpeech(call: RigCall, fromFrame = 0, timeoutMs = 30_000): Promise<number> {
    await waitFor(() => (this.heardSpeechMs(call, fromFrame) >= 500 ? true : undefined), {
      timeoutMs,
      describe: () => `the caller to hear the agent (${call.caller.heardFrames.length} frames)`,
    });
    return call.caller.heardFrames.length;
  }

  /** Waits until the agent has been quiet for `quietMs` (nothing more played to the caller). */
  async agentDone(call: RigCall, quietMs = 1_500, timeoutMs = 30_000): Promise<void> {
    let count = -1;
    let since = Date.now();
    await waitFor(
      () => {
        const now = call.caller.heardFrames.length;
        if (now !== count) {
          count = now;
          since = Date.now();
        }
        return Date.now() - since >= quietMs ? true : undefined;
      },
      { timeoutMs, describe: () => `the agent to stop talking on ${call.callId}` },
    );
  }

  /** What the caller heard from `fromFrame` on, recognised by pocketsphinx (lower case). */
  async heard(call: RigCall, fromFrame = 0): Promise<string> {
    if (!this.recognizer) throw new Error('the rig was started without a recognizer');
    const pcm = this.heardAudio(call, fromFrame);
    if (!pcm.length) return '';
    return (await this.recognizer.transcribe(resample(pcm, call.caller.rate, 16_000))).text;
  }

  /** Stops the client, the callers, the stack and the local carrier. */
  async stop(): Promise<void> {
    await this.client.close();
    await Promise.all(this.callers.map((c) => c.hangUp().catch(() => undefined)));
    await this.recognizer?.close();
    await this.mongo.close();
    await this.stack.stop();
    await Promise.all([this.twilio.close(), this.ferret.stop(), this.sip?.parties.stop()]);
  }
}
