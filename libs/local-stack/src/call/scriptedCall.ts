import type {
  AgentReplied,
  AgentSpeechPlayed,
  CallerTranscribed,
  EscalationRequested,
} from '@warmline/contracts';
import type { LocalTwilioCarrier } from '../carrier/localTwilioCarrier';
import type { PhoneCall } from '../carrier/phoneCall';
import { callerSpeech } from './callerVoice';
import { caseOf, type CallWatcher, type WatchedEvent } from './callWatcher';

/** The caller's side of a call: a carrier stream ({@link PhoneCall}) or a SIP phone. */
export interface CallerLine {
  /** Says `samples` (8 kHz PCM); resolves once they have been sent. */
  say(samples: Int16Array): Promise<void>;
  hangUp(): Promise<void>;
}

/** What one caller line led to. */
export interface Exchange {
  readonly transcript: CallerTranscribed;
  readonly reply?: AgentReplied;
  readonly escalation?: EscalationRequested;
}

const conversation = <C extends string>(watched: WatchedEvent, $case: C) =>
  watched.stream === 'conversation' && watched.event.payload?.$case === $case
    ? (watched.event.payload as Extract<
        NonNullable<(typeof watched.event)['payload']>,
        { $case: C }
      >)
    : undefined;

/**
 * A real call driven by a script: the caller (a {@link PhoneCall} on the local carrier) says
 * lines rendered with flite, and each step waits for what the platform stored in reply (the
 * transcript, the agent's reply, what the caller heard), as a {@link CallWatcher} sees it.
 */
export class ScriptedCall<Line extends CallerLine = PhoneCall> {
  private constructor(
    readonly callId: string,
    readonly phone: Line,
    private readonly watcher: CallWatcher,
  ) {}

  /** Dials the Warmline number through the local carrier; resolves once the call has its id. */
  static async place(
    carrier: LocalTwilioCarrier,
    streamUrl: string,
    watcher: CallWatcher,
  ): Promise<ScriptedCall> {
    const phone = await carrier.placeCall(streamUrl);
    const callId = await watcher.callIdOf(phone.callSid);
    return new ScriptedCall(callId, phone, watcher);
  }

  /**
   * A call on any caller line whose carrier call id is known (a SIP phone's Call-ID); resolves
   * once the call has its id.
   */
  static async follow<L extends CallerLine>(
    line: L,
    carrierCallId: string,
    watcher: CallWatcher,
  ): Promise<ScriptedCall<L>> {
    const callId = await watcher.callIdOf(carrierCallId);
    return new ScriptedCall(callId, line, watcher);
  }

  /** Every event of the call so far. */
  events(): readonly WatchedEvent[] {
    return this.watcher.events(this.callId);
  }

  /** The `$case`s of the call's events of one stream, in order. */
  cases(stream: WatchedEvent['stream']): string[] {
    return this.events()
      .filter((e) => e.stream === stream)
      .map(caseOf);
  }

  /** Waits for an event of this call. */
  waitFor(
    match: (event: WatchedEvent) => boolean,
    what: string,
    timeoutMs = 30_000,
  ): Promise<WatchedEvent> {
    return this.watcher.waitFor(this.callId, match, what, timeoutMs);
  }

  /** Waits for the first event of `stream` whose payload is `$case`. */
  waitForCase(stream: WatchedEvent['stream'], $case: string, timeoutMs = 30_000) {
    return this.waitFor(
      (e) => e.stream === stream && caseOf(e) === $case,
      `${stream} ${$case}`,
      timeoutMs,
    );
  }

  /** Waits until the caller has heard (or been cut off from) the agent's utterance. */
  async played(utteranceId: string, timeoutMs = 60_000): Promise<AgentSpeechPlayed> {
    const found = await this.waitFor(
      (e) => conversation(e, 'speechPlayed')?.value.utteranceId === utteranceId,
      `the caller to hear ${utteranceId}`,
      timeoutMs,
    );
    return conversation(found, 'speechPlayed')!.value;
  }

  /** Waits until the greeting has played. */
  async greeted(timeoutMs = 30_000): Promise<AgentSpeechPlayed> {
    return this.played(`${this.callId}:utterance:greeting`, timeoutMs);
  }

  /** The caller says `text` (rendered with flite); resolves once the audio has been sent. */
  async speak(text: string): Promise<void> {
    await this.phone.say(await callerSpeech(text));
  }

  /**
   * The caller says `text`; resolves with the transcript of that turn, the agent's reply (once
   * the caller has heard it, unless `waitForPlayback` is false) and any escalation request.
   */
  async say(text: string, { waitForPlayback = true, timeoutMs = 45_000 } = {}): Promise<Exchange> {
    const before = this.events().filter((e) => conversation(e, 'transcribed')).length;
    await this.speak(text);
    const heard = await this.waitFor(
      (e) =>
        conversation(e, 'transcribed') !== undefined &&
        this.events()
          .filter((x) => conversation(x, 'transcribed'))
          .indexOf(e) >= before,
      `a transcript of “${text}”`,
      timeoutMs,
    );
    const transcript = conversation(heard, 'transcribed')!.value;
    const replied = await this.waitFor(
      (e) => conversation(e, 'replied')?.value.inReplyToTurnId === transcript.turnId,
      `the agent's reply to turn ${transcript.turnId}`,
      timeoutMs,
    );
    const reply = conversation(replied, 'replied')!.value;
    const escalated = this.events().find(
      (e) => conversation(e, 'escalationRequested')?.value.turnId === transcript.turnId,
    );
    const escalation = escalated
      ? conversation(escalated, 'escalationRequested')!.value
      : undefined;
    if (waitForPlayback && !escalation) await this.played(reply.utteranceId, timeoutMs);
    return { transcript, reply, ...(escalation ? { escalation } : {}) };
  }

  /** The caller hangs up. */
  hangUp(): Promise<void> {
    return this.phone.hangUp();
  }
}
