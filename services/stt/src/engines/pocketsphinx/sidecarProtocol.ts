import { pcmToBytes } from '@warmline/audio';
import { RecognizerProtocolError } from '../../errors';

/** Message kinds on the sidecar's stdin (see engine/pocketsphinx_server.py). */
export const SidecarKind = { open: 1, audio: 2, end: 3, cancel: 4, ping: 5 } as const;
export type SidecarKind = (typeof SidecarKind)[keyof typeof SidecarKind];

const HEADER_BYTES = 9; // u32 length, u8 kind, u32 stream

/** Frames one stdin message: u32 LE length of the rest, u8 kind, u32 LE stream id, payload. */
export const encodeSidecarMessage = (
  kind: SidecarKind,
  stream: number,
  payload: Uint8Array = new Uint8Array(0),
): Buffer => {
  const message = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  message.writeUInt32LE(5 + payload.length, 0);
  message.writeUInt8(kind, 4);
  message.writeUInt32LE(stream, 5);
  message.set(payload, HEADER_BYTES);
  return message;
};

/** An audio message for one frame of 16 kHz PCM. */
export const encodeAudio = (stream: number, frame: Int16Array): Buffer =>
  encodeSidecarMessage(SidecarKind.audio, stream, pcmToBytes(frame));

/** A word of a sidecar final. */
export interface SidecarWord {
  readonly word: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly confidence: number;
}

/** One line of the sidecar's stdout. */
export type SidecarMessage =
  | {
      readonly type: 'ready';
      readonly pid: number;
      readonly maxStreams: number;
      readonly keywords: boolean;
    }
  | {
      readonly type: 'partial';
      readonly stream: number;
      readonly text: string;
      readonly audioMs: number;
    }
  | {
      readonly type: 'final';
      readonly stream: number;
      readonly text: string;
      readonly confidence: number;
      readonly startMs: number;
      readonly endMs: number;
      readonly audioMs: number;
      readonly words: readonly SidecarWord[];
      readonly keywordHit: 'human-request' | null;
      readonly keywordText: string | null;
    }
  | { readonly type: 'closed'; readonly stream: number }
  | {
      readonly type: 'error';
      readonly stream: number;
      readonly code: string;
      readonly message: string;
    }
  | { readonly type: 'pong'; readonly payload: string };

const TYPES = new Set(['ready', 'partial', 'final', 'closed', 'error', 'pong']);
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  ready: ['pid', 'maxStreams'],
  partial: ['stream', 'text', 'audioMs'],
  final: ['stream', 'text', 'confidence', 'startMs', 'endMs', 'words'],
  closed: ['stream'],
  error: ['stream', 'code', 'message'],
  pong: ['payload'],
};

/**
 * Parses one stdout line. Checks the type and the fields each type needs.
 *
 * @throws {@link RecognizerProtocolError} for anything else.
 */
export const parseSidecarLine = (line: string): SidecarMessage => {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (cause) {
    throw new RecognizerProtocolError(
      'sidecar wrote a line that is not JSON',
      'pocketsphinx',
      line.slice(0, 200),
      { cause },
    );
  }
  if (typeof value !== 'object' || value === null) {
    throw new RecognizerProtocolError(
      'sidecar wrote a non-object',
      'pocketsphinx',
      line.slice(0, 200),
    );
  }
  const record = value as Record<string, unknown>;
  const type = record['type'];
  if (typeof type !== 'string' || !TYPES.has(type)) {
    throw new RecognizerProtocolError(
      'sidecar wrote an unknown message type',
      'pocketsphinx',
      line.slice(0, 200),
    );
  }
  const missing = (REQUIRED[type] ?? []).filter((field) => record[field] === undefined);
  if (missing.length > 0) {
    throw new RecognizerProtocolError(
      `sidecar ${type} lacks ${missing.join(', ')}`,
      'pocketsphinx',
      line.slice(0, 200),
    );
  }
  return value as SidecarMessage;
};
