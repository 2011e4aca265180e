import { randomBytes } from 'node:crypto';

/**
 * The first `sentBytes` bytes of a masked client text frame (RFC 6455 §5.2)
 * announcing `payloadLength` bytes: what is on the wire when a socket dies mid-frame.
 */
export const truncatedTextFrame = (payloadLength: number, sentBytes: number): Buffer => {
  const mask = randomBytes(4);
  const header =
    payloadLength < 126
      ? Buffer.from([0x81, 0x80 | payloadLength])
      : Buffer.from([0x81, 0x80 | 126, payloadLength >> 8, payloadLength & 0xff]);
  const payload = Buffer.alloc(payloadLength, '{');
  for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i % 4]!;
  return Buffer.concat([header, mask, payload]).subarray(0, header.length + 4 + sentBytes);
};
