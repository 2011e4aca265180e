import { PcmByteStream } from './pcmByteStream';

/** The format a WAV header declares. */
export interface WavStreamFormat {
  readonly sampleRate: number;
}

/** Why a WAV stream cannot be read. */
export class WavStreamError extends Error {
  override readonly name = 'WavStreamError';
}

const PCM = 1;
const EXTENSIBLE = 0xfffe;
/** A header never needs more than this before its data chunk starts. */
const MAX_HEADER_BYTES = 64 * 1024;
/** Data sizes streaming writers (espeak-ng --stdout, pipes) write when the length is unknown. */
const isPlaceholderSize = (size: number): boolean => size === 0 || size >= 0x7f000000;

const tag = (bytes: Uint8Array, at: number): string =>
  String.fromCharCode(...bytes.subarray(at, at + 4));

const readFormat = (view: DataView, at: number, size: number): WavStreamFormat => {
  if (size < 16) throw new WavStreamError(`fmt chunk of ${size} bytes`);
  let format = view.getUint16(at, true);
  if (format === EXTENSIBLE && size >= 26) format = view.getUint16(at + 24, true);
  const channels = view.getUint16(at + 2, true);
  const bits = view.getUint16(at + 14, true);
  const sampleRate = view.getUint32(at + 4, true);
  if (format !== PCM || channels !== 1 || bits !== 16 || sampleRate === 0) {
    throw new WavStreamError(
      `format ${format}, ${channels} channels, ${bits} bits, ${sampleRate} Hz`,
    );
  }
  return { sampleRate };
};

/**
 * Reads a RIFF/WAVE stream of 16-bit mono PCM as it arrives: the header is
 * parsed as soon as its bytes are in (chunks before `data`, such as LIST, are
 * skipped), then every chunk yields its samples at once. A data size a
 * streaming writer could not know (0 or about 2^31) means "until the end".
 */
export class WavStreamParser {
  private header: Uint8Array = new Uint8Array(0);
  private fmt: WavStreamFormat | undefined;
  private dataLeft: number | undefined;
  private readonly pcm = new PcmByteStream();

  /** The format, once the header has been read. */
  get format(): WavStreamFormat | undefined {
    return this.dataLeft === undefined ? undefined : this.fmt;
  }

  /** Feeds bytes; returns the samples they complete (empty while the header is incomplete). */
  push(bytes: Uint8Array): Int16Array {
    if (this.dataLeft === undefined) {
      const joined = new Uint8Array(this.header.length + bytes.length);
      joined.set(this.header);
      joined.set(bytes, this.header.length);
      const body = this.parseHeader(joined);
      if (body === undefined) {
        if (joined.length > MAX_HEADER_BYTES) throw new WavStreamError('no data chunk');
        this.header = joined;
        return new Int16Array(0);
      }
      this.header = new Uint8Array(0);
      return this.take(joined.subarray(body));
    }
    return this.take(bytes);
  }

  /**
   * Ends the stream.
   * @throws {@link WavStreamError} when it ended inside the header or a sample.
   */
  end(): void {
    if (this.dataLeft === undefined) throw new WavStreamError('stream ended inside the header');
    if (this.pcm.pending) throw new WavStreamError('stream ended inside a sample');
  }

  private take(bytes: Uint8Array): Int16Array {
    const left = this.dataLeft ?? 0;
    const usable = bytes.length <= left ? bytes : bytes.subarray(0, left);
    this.dataLeft = left - usable.length;
    return this.pcm.push(usable);
  }

  /** Offset of the first data byte once the whole header is in `bytes`, else undefined. */
  private parseHeader(bytes: Uint8Array): number | undefined {
    if (bytes.length < 12) return undefined;
    if (tag(bytes, 0) !== 'RIFF' || tag(bytes, 8) !== 'WAVE')
      throw new WavStreamError('not RIFF/WAVE');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 12;
    while (at + 8 <= bytes.length) {
      const id = tag(bytes, at);
      const size = view.getUint32(at + 4, true);
      if (id === 'data') {
        if (!this.fmt) throw new WavStreamError('data chunk before fmt chunk');
        this.dataLeft = isPlaceholderSize(size) ? Number.POSITIVE_INFINITY : size;
        return at + 8;
      }
      const next = at + 8 + size + (size % 2);
      if (next > bytes.length) return undefined;
      if (id === 'fmt ') this.fmt = readFormat(view, at + 8, size);
      at = next;
    }
    return undefined;
  }
}
