/** An utterance this replica spoke, waiting for the gateway to say what the caller heard. */
interface Tracked {
  readonly callId: string;
  readonly utteranceId: string;
  readonly text: string;
  readonly since: number;
  samples: number;
  sampleRate: number;
  /** The utterance's last frame was sent: `samples` is its whole length. */
  ended: boolean;
}

/**
 * A speaking rate for utterances cut before synthesis finished (flite and espeak voices speak
 * about 15 characters a second): their whole length is not known, only what was made so far.
 */
export const MS_PER_CHARACTER = 65;

/** What the caller heard of one utterance: the facts of an `AgentSpeechPlayed`. */
export interface PlayedUtterance {
  readonly callId: string;
  readonly utteranceId: string;
  readonly text: string;
  readonly playedMs: number;
  readonly totalMs: number;
  readonly interrupted: boolean;
}

/** One playback progress report of the gateway. */
export interface ProgressReport {
  readonly utteranceId: string;
  readonly playedMs: number;
  readonly completed: boolean;
  readonly interrupted: boolean;
}

/**
 * The utterances a tts replica spoke and has not yet heard the end of: their text and how much
 * audio was sent, until the gateway reports them completed or interrupted. Pure (no clock of its
 * own, no I/O).
 */
export class PlaybackLedger {
  private readonly open = new Map<string, Tracked>();

  /** An utterance is about to be spoken. */
  track(callId: string, utteranceId: string, text: string, nowMs: number): void {
    if (this.open.has(utteranceId)) return;
    this.open.set(utteranceId, {
      callId,
      utteranceId,
      text,
      since: nowMs,
      samples: 0,
      sampleRate: 0,
      ended: false,
    });
  }

  /** Audio of a tracked utterance was sent: `samples` at `sampleRate`; `end` on its last frame. */
  sent(utteranceId: string, samples: number, sampleRate: number, end = false): void {
    const tracked = this.open.get(utteranceId);
    if (!tracked || sampleRate <= 0) return;
    tracked.samples += samples;
    tracked.sampleRate = sampleRate;
    tracked.ended ||= end;
  }

  /** The gateway's report; the finished utterance when it is one of ours and it ended. */
  progress(report: ProgressReport): PlayedUtterance | undefined {
    const tracked = this.open.get(report.utteranceId);
    if (!tracked || !(report.completed || report.interrupted)) return undefined;
    this.open.delete(report.utteranceId);
    const sentMs =
      tracked.sampleRate > 0 ? Math.round((tracked.samples * 1000) / tracked.sampleRate) : 0;
    // cut before synthesis finished: the whole length is estimated from the text
    const totalMs = tracked.ended
      ? sentMs
      : Math.max(sentMs, tracked.text.trim().length * MS_PER_CHARACTER);
    return {
      callId: tracked.callId,
      utteranceId: tracked.utteranceId,
      text: tracked.text,
      playedMs: report.completed ? Math.max(report.playedMs, totalMs) : report.playedMs,
      totalMs,
      interrupted: report.interrupted && !report.completed,
    };
  }

  /** True while `callId` has an utterance waiting for its report. */
  waiting(callId: string): boolean {
    return [...this.open.values()].some((t) => t.callId === callId);
  }

  /** Forgets utterances older than `maxAgeMs` (the call moved or ended); returns their calls. */
  expire(nowMs: number, maxAgeMs: number): string[] {
    const calls = new Set<string>();
    for (const [id, tracked] of this.open) {
      if (nowMs - tracked.since <= maxAgeMs) continue;
      this.open.delete(id);
      calls.add(tracked.callId);
    }
    return [...calls];
  }
}
