import { subjectToken as t } from './subjectToken';

/**
 * Every NATS subject the platform uses. Services never write subject strings
 * themselves. Grammar (see proto/README.md):
 * - `evt.<context>.<aggregateId>`: JetStream, one subject per aggregate instance;
 * - `cmd.<service>.<...>`: commands (JetStream work queues or request/reply);
 * - `sig.<service>.<callId>`: facts a service reports for the owner of an aggregate;
 * - `media.<callId>.<direction>`: core NATS, 20 ms PCM frames, at most once.
 */
export const subjects = {
  /** A call's events; appended only by call-control. */
  callEvents: (callId: string) => `evt.call.${t(callId)}`,
  /** A call's conversation turns; appended by stt, llm-decision, tts, gateway. */
  conversationEvents: (callId: string) => `evt.conversation.${t(callId)}`,
  /** The escalation saga's own stream for one call; appended only by the orchestrator. */
  escalationEvents: (callId: string) => `evt.escalation.${t(callId)}`,
  /** Context-store facts (ContextSaved) for one call. */
  contextEvents: (callId: string) => `evt.context.${t(callId)}`,

  /** Commands for a call from the saga (JetStream, consumed by call-control). */
  callCommands: (callId: string) => `cmd.call.${t(callId)}`,
  /** Request/reply: execute one call command and wait for its result. */
  executeCallCommand: 'cmd.call-control.execute',
  /** Request/reply: a gateway announces a new call to call-control. */
  startCall: 'cmd.call-control.start',
  /** Request/reply: store the context of a call now. */
  saveContext: 'cmd.context-store.save',
  /** Request/reply: record the caller's message (answered by the stt replica owning the call). */
  recordVoicemail: (callId: string) => `cmd.stt.voicemail.${t(callId)}`,
  /** Speech requests for the tts stage (JetStream work queue). */
  speak: (callId: string) => `cmd.tts.${t(callId)}`,

  /** Request/reply: call-control instructs the gateway holding a call. */
  gatewayInstruction: (callId: string) => `gw.call.${t(callId)}`,
  /** Facts the gateway observed on a call's legs (JetStream, consumed by call-control). */
  gatewaySignals: (callId: string) => `sig.gateway.${t(callId)}`,

  /** Caller audio frames (core NATS). */
  mediaIn: (callId: string) => `media.${t(callId)}.in`,
  /** Agent audio frames (core NATS). */
  mediaOut: (callId: string) => `media.${t(callId)}.out`,
  /** Playback control (clear) for a call's outbound audio (core NATS). */
  mediaControl: (callId: string) => `media.${t(callId)}.control`,
  /** What the caller actually heard (core NATS). */
  mediaProgress: (callId: string) => `media.${t(callId)}.progress`,
  /** Cancel speech in progress for a call (core NATS). */
  cancelSpeech: (callId: string) => `tts.cancel.${t(callId)}`,
  /** Partial transcripts (core NATS; never stored). */
  partialTranscript: (callId: string) => `stt.partial.${t(callId)}`,
} as const;

/** Wildcards for consumers that follow every aggregate of a kind. */
export const subjectWildcards = {
  callEvents: 'evt.call.*',
  conversationEvents: 'evt.conversation.*',
  escalationEvents: 'evt.escalation.*',
  contextEvents: 'evt.context.*',
  callCommands: 'cmd.call.*',
  speak: 'cmd.tts.*',
  gatewaySignals: 'sig.gateway.*',
  mediaIn: 'media.*.in',
  mediaOut: 'media.*.out',
} as const;

/** The last token of an aggregate subject, e.g. the call id of `evt.call.<callId>`. */
export const aggregateIdOf = (subject: string): string => {
  const dot = subject.lastIndexOf('.');
  return dot < 0 ? subject : subject.slice(dot + 1);
};
