import {
  type Bus,
  type MessageListener,
  onMessage,
  protoCodec,
  publishToStream,
} from '@warmline/bus';
import {
  type AudioFrame,
  ConversationEvent,
  PlaybackProgress,
  type SpeakRequest,
  subjects,
} from '@warmline/contracts';
import { type Logger, WarmlineAttributes } from '@warmline/telemetry';
import { heardTextOf } from '../domain/playback/heardText';
import { PlaybackLedger, type PlayedUtterance } from '../domain/playback/playbackLedger';

const progressCodec = protoCodec(PlaybackProgress);
const eventCodec = protoCodec(ConversationEvent);

/** Options of {@link playbackReporter}. */
export interface PlaybackReporterOptions {
  readonly bus: Bus;
  readonly logger: Logger;
  readonly now?: () => number;
  /** How long an utterance waits for the gateway's report before it is forgotten; default 10 min. */
  readonly maxAgeMs?: number;
}

/**
 * Reports what the caller heard: for every utterance this replica speaks it follows the call's
 * playback progress (`media.<callId>.progress`, from the gateway) and, once the utterance completed
 * or was cut short, appends `AgentSpeechPlayed` to `evt.conversation.<callId>` with the played and
 * total length and the text heard (event id `<utteranceId>:speechPlayed`, so a repeat is dropped).
 */
export interface PlaybackReporter {
  /** A request is about to be spoken (call before its first frame). */
  track(request: SpeakRequest): void;
  /** Wraps the frame publisher so the audio sent per utterance is counted. */
  observe(publish: (frame: AudioFrame) => void): (frame: AudioFrame) => void;
  stop(): void;
}

const playedEvent = (played: PlayedUtterance, at: Date): ConversationEvent => ({
  eventId: `${played.utteranceId}:speechPlayed`,
  callId: played.callId,
  occurredAt: at,
  causationId: played.utteranceId,
  correlationId: played.callId,
  payload: {
    $case: 'speechPlayed',
    value: {
      utteranceId: played.utteranceId,
      playedMs: played.playedMs,
      totalMs: played.totalMs,
      interrupted: played.interrupted,
      heardText: heardTextOf(played.text, played.playedMs, played.totalMs, !played.interrupted),
    },
  },
});

/** Starts the reporter (an expiry sweep runs every 30 s until stop()). */
export const playbackReporter = ({
  bus,
  logger,
  now = Date.now,
  maxAgeMs = 600_000,
}: PlaybackReporterOptions): PlaybackReporter => {
  const ledger = new PlaybackLedger();
  const listeners = new Map<string, MessageListener>();

  const release = (callId: string) => {
    if (ledger.waiting(callId)) return;
    listeners.get(callId)?.unsubscribe();
    listeners.delete(callId);
  };

  const report = (played: PlayedUtterance) => {
    const subject = subjects.conversationEvents(played.callId);
    const event = playedEvent(played, new Date(now()));
    publishToStream(bus, subject, eventCodec, event, { msgId: event.eventId }).catch(
      (err: unknown) =>
        logger.error(
          {
            err,
            [WarmlineAttributes.CALL_ID]: played.callId,
            [WarmlineAttributes.UTTERANCE_ID]: played.utteranceId,
          },
          'speech played report not stored',
        ),
    );
  };

  const follow = (callId: string) => {
    if (listeners.has(callId)) return;
    listeners.set(
      callId,
      onMessage(bus, subjects.mediaProgress(callId), progressCodec, ({ value }) => {
        const played = ledger.progress(value);
        if (!played) return;
        report(played);
        release(played.callId);
      }),
    );
  };

  const sweep = setInterval(() => {
    for (const callId of ledger.expire(now(), maxAgeMs)) release(callId);
  }, 30_000);
  sweep.unref();

  return {
    track: (request) => {
      if (!request.callId || !request.utteranceId) return;
      follow(request.callId);
      ledger.track(request.callId, request.utteranceId, request.text, now());
    },
    observe: (publish) => (frame) => {
      ledger.sent(
        frame.utteranceId,
        frame.pcm.byteLength / 2,
        frame.sampleRate,
        frame.endOfUtterance,
      );
      publish(frame);
    },
    stop: () => {
      clearInterval(sweep);
      for (const listener of listeners.values()) listener.unsubscribe();
      listeners.clear();
    },
  };
};
