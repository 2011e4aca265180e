/** How the OpenAI-compatible transcription adapter calls its endpoint. */
export interface OpenAiTranscriptionOptions {
  /** Sent as `Authorization: Bearer <apiKey>`. */
  readonly apiKey: string;
  /** The API root including the version, e.g. `https://api.openai.com/v1` or a compatible server's. */
  readonly baseUrl: string;
  /** e.g. `gpt-4o-mini-transcribe`, `whisper-1`, or whatever a compatible server serves. */
  readonly model: string;
  /** ISO-639-1 language hint, or '' to let the model detect it. */
  readonly language: string;
  /** Ask for token log probabilities (`include[]=logprobs`, gpt-4o-transcribe models) to derive confidence. */
  readonly includeLogprobs: boolean;
  /** Longest utterance kept; frames beyond it are dropped (memory per call is bounded). */
  readonly maxUtteranceMs: number;
  /** Request timeout. */
  readonly timeoutMs: number;
}

/** Defaults: OpenAI's endpoint, gpt-4o-mini-transcribe, English, 30 s, 15 s timeout. */
export const DEFAULT_OPENAI_OPTIONS: Omit<OpenAiTranscriptionOptions, 'apiKey'> = {
  baseUrl: 'https://api.openai.com/v1',
  model: 'gpt-4o-mini-transcribe',
  language: 'en',
  includeLogprobs: false,
  maxUtteranceMs: 30_000,
  timeoutMs: 15_000,
};
