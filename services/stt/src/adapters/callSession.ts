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
import { conversationEvent } from './conversationEvents';
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
  private turn:
    { readonly turnId: string; readonly stream: RecognitionStream | undefined } | undefined;
  private lastIngressAtMs = 0;
  private appends: Promise<void> = Promise.resolve();
  private readonly readers = new Set<Promise<void>>();
  /** Ingress time of each ended turn's last frame, until its transcript is recorded. */
  private readonly endIngress = new Map<string, number>();
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
  }

  /** One caller frame from `media.<callId>.in`. */
  audio(frame: AudioFrame): void {
    this.lastFrameAt = this.deps.now();
    this.lastIngressAtMs = frame.ingressAtMs;
    if (!this.resampler || frame.sampleRate !== this.sourceRate) {
      this.sourceRate = frame.sampleRate;
      this.resampler = new Resampler(frame.sampleRate, 16000);
    }
    const samples = this.resampler.process(pcmFromBytes(frame.pcm));
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
  }

  private apply(effect: TurnEffect): void {
    const { callId } = this;
    const at = new Date(this.deps.now());
    switch (effect.type) {
      case 'turn-started':
        this.append(
          conversationEvent(callId, effect.turnId, at, {
            $case: 'speechStarted',
            value: { turnId: effect.turnId, atMs: effect.startMs },
          }),
        );
        this.turn = { turnId: effect.turnId, stream: this.openStream(effect.turnId) };
        return;
      case 'recognize':
        for (const frame of effect.frames) this.turn?.stream?.write(frame);
        return;
      case 'turn-ended': {
        const ingress = this.lastIngressAtMs;
        this.endIngress.set(effect.turnId, ingress);
        if (this.endIngress.size > 8) this.endIngress.delete(this.endIngress.keys().next().value!);
        this.append(
          conversationEvent(callId, effect.turnId, at, {
            $case: 'speechEnded',
            value: { turnId: effect.turnId, atMs: effect.endMs, lastFrameIngressAtMs: ingress },
          }),
        );
        this.turn?.stream?.end();
        this.turn = undefined;
        return;
      }
      case 'turn-discarded':
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
      stream = this.deps.recognizer.open({ sourceRate: this.sourceRate });
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
        },
      }),
    );
  }

  private append(event: ConversationEvent): void {
    const subject = subjects.conversationEvents(this.callId);
    this.appends = this.appends
      .then(() => this.deps.store.append(subject, [event], { expectedVersion: 'any' }))
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
