import {
  type CallWatcher,
  caseOf,
  type LocalTwilioCarrier,
  ScriptedCall,
} from '@warmline/local-stack';

/** When each step of one handoff happened (ms since epoch, this process's clock). */
export interface HandoffTimes {
  /** EscalationRequested appended to evt.conversation.<id>. */
  readonly escalationAt: number;
  /** The transition line's first audio frame left tts (media.<id>.out). */
  readonly transitionAudioAt?: number;
  /** The transition line heard by the caller (AgentSpeechPlayed). */
  readonly transitionPlayedAt?: number;
  /** The carrier's REST API received the Dial for the callee leg. */
  readonly dialAt?: number;
  /** CallConnected: the callee answered. */
  readonly connectedAt?: number;
  /** CallTerminated: the agent is gone. */
  readonly agentGoneAt?: number;
}

/** One call that asks for a human: the times of its handoff, or why it did not complete. */
export type HandoffResult =
  | { readonly ok: true; readonly times: HandoffTimes }
  | { readonly ok: false; readonly error: string };

/**
 * A real call through the stack that asks for a human: greeted, says `line`, and the saga runs
 * (context saved, transition line, Dial to the callee, callee answers, the agent leaves). The
 * times come from the {@link CallWatcher} (bus events, on arrival) and the local carrier (the Dial).
 */
export const runHandoffCall = async (
  carrier: LocalTwilioCarrier,
  streamUrl: string,
  watcher: CallWatcher,
  line: string,
): Promise<HandoffResult> => {
  let call: ScriptedCall | undefined;
  try {
    call = await ScriptedCall.place(carrier, streamUrl, watcher);
    const callSid = call.phone.callSid;
    let dialAt: number | undefined;
    const stopListening = carrier.onEvent((event) => {
      if (event.kind === 'stream-ended-for-dial' && event.callSid === callSid)
        dialAt ??= Date.now();
    });
    try {
      await call.greeted();
      await call.speak(line);
      const escalation = await call.waitForCase('conversation', 'escalationRequested', 30_000);
      const gone = await call.waitForCase('call', 'terminated', 60_000);
      const firstAfter = (stream: string, $case: string) =>
        call!
          .events()
          .find((e) => e.atMs >= escalation.atMs && e.stream === stream && caseOf(e) === $case);
      const after = (stream: string, $case: string) => firstAfter(stream, $case)?.atMs;
      const played = firstAfter('conversation', 'speechPlayed');
      const transitionAudioAt =
        played?.stream === 'conversation' && played.event.payload?.$case === 'speechPlayed'
          ? watcher.firstAudioAt(call.callId, played.event.payload.value.utteranceId)
          : undefined;
      return {
        ok: true,
        times: {
          escalationAt: escalation.atMs,
          transitionAudioAt,
          transitionPlayedAt: played?.atMs,
          dialAt,
          connectedAt: after('call', 'connected'),
          agentGoneAt: gone.atMs,
        },
      };
    } finally {
      stopListening();
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await call?.hangUp().catch(() => undefined);
  }
};

/** Runs `total` handoff calls, `concurrency` at a time. */
export const runHandoffs = async (
  total: number,
  concurrency: number,
  one: () => Promise<HandoffResult>,
): Promise<HandoffResult[]> => {
  const results: HandoffResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      next += 1;
      results.push(await one());
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return results;
};
