/** A Buffer view of bytes (no copy), for generated messages whose `bytes` fields are Buffers. */
export const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
