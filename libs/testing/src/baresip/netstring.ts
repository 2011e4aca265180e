/** Netstrings (`<len>:<bytes>,`), the framing of baresip's ctrl_tcp module. */

/** Encodes one netstring. */
export const encodeNetstring = (text: string): Buffer => {
  const body = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length}:`), body, Buffer.from(',')]);
};

/** Thrown when the stream is not netstrings. */
export class NetstringError extends Error {
  override readonly name = 'NetstringError';
}

/** Splits netstrings out of a byte stream; feed chunks, get complete payloads. */
export class NetstringDecoder {
  private buffer = Buffer.alloc(0);

  push(chunk: Uint8Array): string[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const out: string[] = [];
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) {
        if (this.buffer.length > 10) throw new NetstringError('no length prefix');
        return out;
      }
      const lengthText = this.buffer.subarray(0, colon).toString('ascii');
      if (!/^\d{1,9}$/.test(lengthText)) throw new NetstringError(`bad length "${lengthText}"`);
      const length = Number(lengthText);
      const end = colon + 1 + length;
      if (this.buffer.length < end + 1) return out;
      if (this.buffer[end] !== 0x2c) throw new NetstringError('missing trailing comma');
      out.push(this.buffer.subarray(colon + 1, end).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 1);
    }
  }
}
