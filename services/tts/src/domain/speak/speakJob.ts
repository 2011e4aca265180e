import { isSampleRate, type SampleRate } from '@warmline/audio';
import { isSubjectToken, type SpeakRequest } from '@warmline/contracts';

/** A validated speech request. */
export interface SpeakJob {
  readonly requestId: string;
  readonly callId: string;
  readonly utteranceId: string;
  readonly text: string;
  /** The requested voice; empty for the engine's default. */
  readonly voice: string;
  readonly sampleRate: SampleRate;
  readonly cacheable: boolean;
  /** When the requester issued it (ms since epoch); 0 when unknown. */
  readonly issuedAtMs: number;
}

/** Limits a request is checked against. */
export interface SpeakLimits {
  /** Used when the request leaves `sample_rate` at 0. */
  readonly defaultSampleRate: SampleRate;
  /** Longer texts are refused (hosted providers cap input at about 4 096 characters). */
  readonly maxTextChars: number;
}

/** Where an end-of-utterance can be sent for a refused request, when its ids allow it. */
export interface UtteranceAddress {
  readonly callId: string;
  readonly utteranceId: string;
}

/** Result of {@link toSpeakJob}. */
export type SpeakJobResult =
  | { readonly ok: true; readonly job: SpeakJob }
  | { readonly ok: false; readonly reason: string; readonly address: UtteranceAddress | undefined };

const refuse = (request: SpeakRequest, reason: string): SpeakJobResult => ({
  ok: false,
  reason,
  address:
    isSubjectToken(request.callId) && request.utteranceId.length > 0
      ? { callId: request.callId, utteranceId: request.utteranceId }
      : undefined,
});

/**
 * Checks a decoded `SpeakRequest`: a call id usable as a subject token, an
 * utterance id, non-blank text within the limit, a supported sample rate (0
 * means the default). A refused request will never succeed: terminate it.
 */
export const toSpeakJob = (request: SpeakRequest, limits: SpeakLimits): SpeakJobResult => {
  if (!isSubjectToken(request.callId)) return refuse(request, 'call_id is not a subject token');
  if (request.utteranceId.length === 0) return refuse(request, 'utterance_id is empty');
  if (request.text.trim().length === 0) return refuse(request, 'text is blank');
  if (request.text.length > limits.maxTextChars) {
    return refuse(request, `text is longer than ${limits.maxTextChars} characters`);
  }
  const rate = request.sampleRate === 0 ? limits.defaultSampleRate : request.sampleRate;
  if (!isSampleRate(rate))
    return refuse(request, `sample_rate ${rate} is not 8000, 16000 or 24000`);
  return {
    ok: true,
    job: {
      requestId: request.requestId,
      callId: request.callId,
      utteranceId: request.utteranceId,
      text: request.text,
      voice: request.voice,
      sampleRate: rate,
      cacheable: request.cacheable,
      issuedAtMs: request.issuedAtMs,
    },
  };
};
