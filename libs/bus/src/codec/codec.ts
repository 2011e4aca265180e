import { MalformedMessageError } from '../errors/malformedMessageError';

/** Turns a value into message bytes and back. `decode` throws on bytes it cannot read. */
export interface Codec<T> {
  encode(value: T): Uint8Array;
  decode(bytes: Uint8Array): T;
}

/** The part of a ts-proto generated message object (`CallEvent`, `AudioFrame`, ...) a codec needs. */
export interface ProtoMessageFns<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
}

/** Adapts a ts-proto generated message object: `protoCodec(CallEvent)`. */
export const protoCodec = <T>(fns: ProtoMessageFns<T>): Codec<T> => ({
  encode: (value) => fns.encode(value).finish(),
  decode: (bytes) => fns.decode(bytes),
});

/** Passes bytes through unchanged (for opaque payloads and tests). */
export const bytesCodec: Codec<Uint8Array> = {
  encode: (value) => value,
  decode: (bytes) => bytes,
};

/**
 * Decodes with `codec`, turning any failure into a {@link MalformedMessageError}
 * that names the subject (and stream sequence), so no caller crashes on bad bytes.
 */
export const decodeMessage = <T>(
  codec: Codec<T>,
  bytes: Uint8Array,
  subject: string,
  sequence?: number,
): T => {
  try {
    return codec.decode(bytes);
  } catch (cause) {
    throw new MalformedMessageError(subject, { cause, sequence });
  }
};
