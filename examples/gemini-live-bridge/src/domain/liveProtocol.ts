/**
 * Gemini Live's WebSocket protocol (BidiGenerateContent), the messages this bridge uses, as
 * published by Google: the client's `setup`, `realtimeInput` and `toolResponse`, and the
 * server's `setupComplete`, `serverContent` (model audio as `inlineData`, `interrupted`,
 * `turnComplete`), `toolCall`, `toolCallCancellation` and `goAway`. Pure.
 */

/** Google's endpoint; the bridge takes any URL (`GEMINI_LIVE_URL`). */
export const GEMINI_LIVE_URL =
  'wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent';

/** A function the model may call. */
export interface FunctionDeclaration {
  readonly name: string;
  readonly description: string;
  readonly parameters: {
    readonly type: 'OBJECT';
    readonly properties: Readonly<Record<string, { type: 'STRING'; description: string }>>;
    readonly required?: readonly string[];
  };
}

/** The first message of a session. */
export interface LiveSetup {
  /** e.g. `models/gemini-2.5-flash-native-audio-preview-12-2025`. */
  readonly model: string;
  readonly systemInstruction: string;
  readonly tools: readonly FunctionDeclaration[];
  /** A prebuilt voice, e.g. `Puck`. */
  readonly voiceName?: string;
}

/** The tool that hands the caller to a person. */
export const TRANSFER_TOOL: FunctionDeclaration = {
  name: 'transfer_to_human',
  description:
    'Connect the caller to a human agent when they ask for a person, are upset, or need something you cannot do.',
  parameters: {
    type: 'OBJECT',
    properties: {
      reason: { type: 'STRING', description: 'Why, in a short phrase.' },
      summary: { type: 'STRING', description: 'What the caller wanted and what was tried.' },
    },
    required: ['reason'],
  },
};

/** The tool that ends the call when the caller is done. */
export const END_CALL_TOOL: FunctionDeclaration = {
  name: 'end_call',
  description: 'Hang up after saying goodbye, when the caller has what they needed.',
  parameters: { type: 'OBJECT', properties: {} },
};

export const setupMessage = (setup: LiveSetup) => ({
  setup: {
    model: setup.model,
    generationConfig: {
      responseModalities: ['AUDIO'],
      ...(setup.voiceName
        ? { speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: setup.voiceName } } } }
        : {}),
    },
    systemInstruction: { parts: [{ text: setup.systemInstruction }] },
    tools: [{ functionDeclarations: setup.tools }],
  },
});

/** Caller audio up: PCM16 little-endian mono at `rate`. */
export const audioInputMessage = (pcm: Uint8Array, rate: number) => ({
  realtimeInput: {
    audio: { data: Buffer.from(pcm).toString('base64'), mimeType: `audio/pcm;rate=${rate}` },
  },
});

/** One answer to a function call. */
export interface FunctionResponse {
  readonly id: string;
  readonly name: string;
  readonly response: Readonly<Record<string, unknown>>;
}

export const toolResponseMessage = (responses: readonly FunctionResponse[]) => ({
  toolResponse: { functionResponses: responses },
});

/** A function call from the model. */
export interface FunctionCall {
  readonly id: string;
  readonly name: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/** What one server message means for the bridge, in order. */
export type LiveEvent =
  | { readonly kind: 'setupComplete' }
  | { readonly kind: 'audio'; readonly pcm: Uint8Array; readonly rate: number }
  | { readonly kind: 'interrupted' }
  | { readonly kind: 'turnComplete' }
  | { readonly kind: 'toolCall'; readonly calls: readonly FunctionCall[] }
  | { readonly kind: 'toolCallCancellation'; readonly ids: readonly string[] }
  | { readonly kind: 'goAway'; readonly timeLeft: string };

/** A server message that is not Gemini Live's protocol. */
export class LiveProtocolError extends Error {
  override readonly name = 'LiveProtocolError';
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const audioRate = (mimeType: unknown): number | undefined => {
  if (typeof mimeType !== 'string' || !mimeType.startsWith('audio/pcm')) return undefined;
  const rate = /rate=(\d+)/.exec(mimeType)?.[1];
  return rate ? Number(rate) : 24_000; // the model's documented output rate
};

const contentEvents = (content: Json): LiveEvent[] => {
  const events: LiveEvent[] = [];
  if (content.interrupted === true) events.push({ kind: 'interrupted' });
  const turn = content.modelTurn;
  const parts = isObject(turn) && Array.isArray(turn.parts) ? turn.parts : [];
  for (const part of parts) {
    const inline = isObject(part) ? part.inlineData : undefined;
    if (!isObject(inline) || typeof inline.data !== 'string') continue;
    const rate = audioRate(inline.mimeType);
    if (rate === undefined) continue; // text or other media: not for the phone
    const pcm = Buffer.from(inline.data, 'base64');
    if (pcm.length % 2) throw new LiveProtocolError('model audio with an odd byte count');
    events.push({ kind: 'audio', pcm: new Uint8Array(pcm), rate });
  }
  if (content.turnComplete === true) events.push({ kind: 'turnComplete' });
  return events;
};

const functionCalls = (toolCall: Json): FunctionCall[] => {
  const calls = Array.isArray(toolCall.functionCalls) ? toolCall.functionCalls : [];
  return calls.map((call) => {
    if (!isObject(call) || typeof call.name !== 'string')
      throw new LiveProtocolError('a function call without a name');
    return {
      id: typeof call.id === 'string' ? call.id : '',
      name: call.name,
      args: isObject(call.args) ? call.args : {},
    };
  });
};

/**
 * The events in one server message (text, or the UTF-8 of a binary frame). Fields this bridge
 * does not use (usage metadata, transcriptions, text parts) are skipped.
 * @throws {@link LiveProtocolError} for anything that is not a JSON object, or malformed audio.
 */
export function parseServerMessage(text: string): LiveEvent[] {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    throw new LiveProtocolError('a server message that is not JSON');
  }
  if (!isObject(message)) throw new LiveProtocolError('a server message that is not an object');
  const events: LiveEvent[] = [];
  if ('setupComplete' in message) events.push({ kind: 'setupComplete' });
  if (isObject(message.serverContent)) events.push(...contentEvents(message.serverContent));
  if (isObject(message.toolCall))
    events.push({ kind: 'toolCall', calls: functionCalls(message.toolCall) });
  if (isObject(message.toolCallCancellation)) {
    const ids = message.toolCallCancellation.ids;
    events.push({
      kind: 'toolCallCancellation',
      ids: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [],
    });
  }
  if (isObject(message.goAway)) {
    const timeLeft = message.goAway.timeLeft;
    events.push({ kind: 'goAway', timeLeft: typeof timeLeft === 'string' ? timeLeft : '' });
  }
  return events;
}
