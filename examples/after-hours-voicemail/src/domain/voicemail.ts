/** One voicemail, stored with the call it came on. */
export interface Voicemail {
  readonly callId: string;
  readonly callerNumber: string;
  readonly connectorId: string;
  /** What the recogniser heard (lower case); empty when nothing was said. */
  readonly transcript: string;
  readonly durationMs: number;
  readonly receivedAt: Date;
}

/** Where voicemails are kept (keyed by call id). */
export interface VoicemailStore {
  save(voicemail: Voicemail): Promise<void>;
}

/** Tells someone a voicemail came in (Slack, a webhook…). */
export type VoicemailNotifier = (voicemail: Voicemail) => Promise<void>;

/** What the caller hears. */
export interface VoicemailLines {
  readonly prompt: string;
  readonly goodbye: string;
  readonly nothingHeard: string;
}

export const DEFAULT_LINES: VoicemailLines = {
  prompt:
    'Thank you for calling. We are closed right now. Please leave a message after the tone, and we will call you back.',
  goodbye: 'Thank you, your message has been saved. Goodbye.',
  nothingHeard: 'We did not hear a message. Goodbye.',
};
