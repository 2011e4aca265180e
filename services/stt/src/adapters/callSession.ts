import { type Context, ROOT_CONTEXT } from '@opentelemetry/api';
import { pcmFromBytes, Resampler } from '@warmline/audio';
import { type Bus, type EventStore, protoCodec, publish } from '@warmline/bus';
import {
  type AudioFrame,
  CancelSpeech,
  type ConversationEvent,
  PartialTranscript,
  PlaybackControl,
  type PlaybackProgress,
  subjects,
} from '@warmline/contracts';
import type { Logger } from '@warmline/telemetry';
import { CallTurnTaking, type TurnTakingConfig } from '../domain/turn/callTurnTaking';
import type { TurnEffect, TurnTranscript } from '../domain/turn/turnEffects';
import type { RecognitionStream, SpeechRecognizer } from '../engines/recognition';
import { noSttMetrics, type SttMetrics } from '../telemetry/sttMetrics';
import { UtteranceSpan } from '../telemetry/utteranceSpan';
import { BandwidthEstimate } from '../domain/bandwidth/bandwidthEstimate';
import { conversationEvent, keywordHitOf } from './conversationEvents';
import { readTurn } from './turnRecognition';

/** What a call session needs from its service. */
export interface CallSessionDeps {
  readonly bus: Bus;
  readonly store: EventStore<ConversationEvent>;
  readonly recognizer: SpeechRecognizer;
  readonly log: Logger;
  /** Wall clock, for `occurred_at`. */
  readonly now: () => number;
  readonly turnTaking: Partial<TurnTakingConfig>;
  /** Contract metrics (none by default). */
  readonly metrics?: SttMetrics;
}

/** A turn's span and, once it ended, when (local clock) stt decided so. */
interface TurnTrace {
  readonly span: UtteranceSpan;
  endedAt?: number;
}

const partialCodec = protoCodec(PartialTranscript);
const controlCodec = protoCodec(PlaybackControl);
const cancelCodec = protoCodec(CancelSpeech);

/**
 * One call's stt work on this replica: caller frames through the pure
 * turn-taking core, recognition streams per turn, and the effects turned into
 * NATS messages: turn events appended to the conversation stream (in order),
 * partials on core NATS, and on barge-in `PlaybackControl.clear` plus
 * `CancelSpeech`.
 */
export class CallSession {
  private readonly core: CallTurnTaking;
  private resampler: Resampler | undefined;
  private sourceRate = 16000;
  /** Whether the caller's line is a telephone one, whatever rate its frames arrive at. */
  private readonly bandwidth = new BandwidthEstimate();
  private turn:
    { readonly turnId: string; readonly stream: RecognitionStream | undefined } | undefined;
  private lastIngressAtMs = 0;
  private appends: Promise<void> = Promise.resolve();
  private readonly readers = new Set<Promise<void>>();
  /** Ingress time of each ended turn's last frame, until its transcript is recorded. */
  private readonly endIngress = new Map<string, number>();
  /** Each open turn's span, until its transcript is recorded or the turn dropped. */
  private readonly traces = new Map<string, TurnTrace>();
  /** Trace context of the frame being handled: a turn that starts on it continues its trace. */
  private frameContext: Context = ROOT_CONTEXT;
  private readonly metrics: SttMetrics;
  /** Wall time of the last frame, so an idle call can be let go. */
  lastFrameAt = 0;

  constructor(
    readonly callId: string,
    private readonly deps: CallSessionDeps,
  ) {
    this.core = new CallTurnTaking(callId, {
      ...deps.turnTaking,
      expectPartials: deps.recognizer.streamsPartials,
    });
    this.lastFrameAt = deps.now();
    this.metrics = deps.metrics ?? noSttMetrics;
  }

  /** One caller frame from `media.<callId>.in`, with the trace context its headers carry. */
  audio(frame: AudioFrame, trace: Context = ROOT_CONTEXT): void {
    this.frameContext = trace;
    this.lastFrameAt = this.deps.now();
    this.lastIngressAtMs = frame.ingressAtMs;
    if (!this.resampler || frame.sampleRate !== this.sourceRate) {
      this.sourceRate = frame.sampleRate;
      this.resampler = new Resampler(frame.sampleRate, 16000);
    }
    const samples = this.resampler.process(pcmFromBytes(frame.pcm));
    this.bandwidth.add(samples);
    for (const effect of this.core.audio(samples, frame.timestampMs)) this.apply(effect);
  }

  /** What the caller hears of the agent, from `media.<callId>.progress`. */
  playback(progress: PlaybackProgress): void {
    this.core.agentPlayback(
      progress.completed || progress.interrupted ? undefined : progress.utteranceId,
    );
  }

  /** Stops: cancels the turn in progress and waits for pending appends. */
  async close(): Promise<void> {
    this.turn?.stream?.cancel();
    this.turn = undefined;
    await Promise.all(this.readers);
    await this.appends;
    for (const turn of this.traces.values()) turn.span.end('closed');
    this.traces.clear();
  }

  private apply(effect: TurnEffect): void {
    const { callId } = this;
    const at = new Date(this.deps.now());
    switch (effect.type) {
      case 'turn-started': {
        const span = new UtteranceSpan(
          callId,
          effect.turnId,
          this.deps.recognizer.engine,
          this.frameContext,
        );
        this.traces.set(effect.turnId, { span });
        if (this.traces.size > 8) this.endTrace(this.traces.keys().next().value!, 'abandoned');
        this.append(
          conversationEvent(callId, effect.turnId, at, {
            $case: 'speechStarted',
            value: { turnId: effect.turnId, atMs: effect.startMs },
          }),
          effect.turnId,
        );
        this.turn = { turnId: effect.turnId, stream: this.openStream(effect.turnId) };
        return;
      }
      case 'recognize':
        for (const frame of effect.frames) this.turn?.stream?.write(frame);
        return;
      case 'turn-ended': {
        const ingress = this.lastIngressAtMs;
        this.endIngress.set(effect.turnId, ingress);
        if (this.endIngress.size > 8) this.endIngress.delete(this.endIngress.keys().next().value!);
        const turnTrace = this.traces.get(effect.turnId);
        if (turnTrace) turnTrace.endedAt = this.deps.now();
        this.metrics.hop('gateway', 'stt', ingress, this.deps.now());
        this.append(
          conversationEvent(callId, effect.turnId, at, {
            $case: 'speechEnded',
            value: { turnId: effect.turnId, atMs: effect.endMs, lastFrameIngressAtMs: ingress },
          }),
          effect.turnId,
        );
        this.turn?.stream?.end();
        this.turn = undefined;
        return;
      }
      case 'turn-discarded':
        this.endTrace(effect.turnId, 'discarded');
        this.turn?.stream?.cancel();
        this.turn = undefined;
        return;
      case 'barged-in':
        publish(this.deps.bus, subjects.mediaControl(callId), controlCodec, {
          callId,
          action: { $case: 'clear', value: { reason: 'barge-in' } },
        });
        publish(this.deps.bus, subjects.cancelSpeech(callId), cancelCodec, {
          callId,
          utteranceId: effect.utteranceId,
        });
        this.append(
          conversationEvent(callId, effect.turnId, at, {
            $case: 'bargedIn',
            value: { utteranceId: effect.utteranceId, atMs: effect.atMs },
          }),
        );
        this.deps.log.info({ callId, utteranceId: effect.utteranceId }, 'caller barged in');
        return;
      default: {
        const never: never = effect;
        return never;
      }
    }
  }

  private openStream(turnId: string): RecognitionStream | undefined {
    let stream: RecognitionStream;
    try {
      // G.711 calls arrive resampled to 16 kHz: recognise them with the telephone-channel decoders
      const sourceRate = this.bandwidth.channel === 'telephone' ? 8000 : this.sourceRate;
      stream = this.deps.recognizer.open({ sourceRate });
    } catch (error) {
      this.deps.log.warn({ callId: this.callId, err: error }, 'no recognition for this turn');
      return undefined;
    }
    const reader = readTurn(stream, {
      partial: (text) => {
        this.core.partial(turnId, text);
        publish(this.deps.bus, subjects.partialTranscript(this.callId), partialCodec, {
          callId: this.callId,
          turnId,
          text,
          confidence: 0,
        });
      },
      done: (transcript, error) => this.transcribed(turnId, transcript, error),
    });
    this.readers.add(reader);
    void reader.finally(() => this.readers.delete(reader));
    return stream;
  }

  private transcribed(turnId: string, transcript: TurnTranscript, error: Error | undefined): void {
    if (error) this.deps.log.warn({ callId: this.callId, err: error }, 'recognition failed');
    const outcome = this.core.transcript(turnId, transcript);
    const lastFrameIngressAtMs = this.endIngress.get(turnId) ?? this.lastIngressAtMs;
    this.endIngress.delete(turnId);
    if (outcome.type !== 'transcribed') {
      this.endTrace(turnId, outcome.type);
      this.deps.log.debug({ callId: this.callId, outcome: outcome.type }, 'turn not transcribed');
      return;
    }
    this.deps.log.info(
      { callId: this.callId, keywordHit: outcome.keywordHit, pii: { text: outcome.text } },
      'caller transcribed',
    );
    this.append(
      conversationEvent(this.callId, turnId, new Date(this.deps.now()), {
        $case: 'transcribed',
        value: {
          turnId,
          text: outcome.text,
          confidence: outcome.confidence,
          startMs: outcome.startMs,
          endMs: outcome.endMs,
          engine: this.deps.recognizer.engine,
          lastFrameIngressAtMs,
          keywordHit: keywordHitOf(outcome.keywordHit),
        },
      }),
      turnId,
    );
    const turnTrace = this.traces.get(turnId);
    this.traces.delete(turnId);
    if (!turnTrace) return;
    const { span, endedAt } = turnTrace;
    void this.appends.then(() => {
      if (endedAt !== undefined) {
        this.metrics.endOfSpeechToTranscript(
          this.deps.now() - endedAt,
          this.deps.recognizer.engine,
        );
      }
      span.end('transcribed', { 'warmline.stt.keyword_hit': outcome.keywordHit ?? 'none' });
    });
  }

  private endTrace(turnId: string, outcome: string): void {
    this.traces.get(turnId)?.span.end(outcome);
    this.traces.delete(turnId);
  }

  /** Appends in order; inside the turn's span when it has one, so the event carries its trace. */
  private append(event: ConversationEvent, turnId?: string): void {
    const subject = subjects.conversationEvents(this.callId);
    const span = turnId === undefined ? undefined : this.traces.get(turnId)?.span;
    const write = () => this.deps.store.append(subject, [event], { expectedVersion: 'any' });
    this.appends = this.appends
      .then(() => (span ? span.within(write) : write()))
      .then(
        () => undefined,
        (error: unknown) =>
          this.deps.log.error(
            { callId: this.callId, err: error, eventId: event.eventId },
            'append failed',
          ),
      );
  }
}
