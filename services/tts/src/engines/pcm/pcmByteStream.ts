import { pcmFromBytes } from '@warmline/audio';

/**
 * Turns a byte stream of 16-bit little-endian PCM, cut anywhere (a process's
 * stdout, an HTTP body), into samples: an odd trailing byte waits for the next chunk.
 */
export class PcmByteStream {
  private carry: number | undefined;

  /** Samples completed by `bytes`. */
  push(bytes: Uint8Array): Int16Array {
    if (bytes.length === 0) return new Int16Array(0);
    let input = bytes;
    if (this.carry !== undefined) {
      input = new Uint8Array(bytes.length + 1);
      input[0] = this.carry;
      input.set(bytes, 1);
      this.carry = undefined;
    }
    if (input.length % 2 === 1) {
      this.carry = input[input.length - 1];
      input = input.subarray(0, input.length - 1);
    }
    return pcmFromBytes(input);
  }

  /** True when a byte is waiting for its pair (at the end of the stream: a truncated sample). */
  get pending(): boolean {
    return this.carry !== undefined;
  }
}
