/**
 * G.711 A-law (ITU-T G.711, the European companding law), written with bit
 * arithmetic on the 16-bit linear scale. Negative samples use the ones'
 * complement magnitude (-x - 1) so the two halves are mirror images, and the
 * even bits of every code are inverted (XOR 0x55) as the standard requires.
 */

const EVEN_BITS = 0x55;
const POSITIVE = 0x80;

/** Encodes one 16-bit linear sample to an A-law code (0x00–0xFF). */
export const linearToAlaw = (sample: number): number => {
  const positive = sample >= 0;
  const magnitude = positive ? sample : -sample - 1;
  // segments 0 and 1 share a step of 16; above, each segment doubles it
  const segment = magnitude < 256 ? 0 : 31 - Math.clz32(magnitude) - 7;
  const shift = segment < 2 ? 4 : segment + 3;
  const mantissa = (magnitude >> shift) & 0x0f;
  return ((positive ? POSITIVE : 0) | (segment << 4) | mantissa) ^ EVEN_BITS;
};

/** Decodes one A-law code to the 16-bit linear value at the centre of its step. */
export const alawToLinear = (code: number): number => {
  const bits = (code ^ EVEN_BITS) & 0xff;
  const segment = (bits >> 4) & 0x07;
  const mantissa = bits & 0x0f;
  const magnitude =
    segment === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (segment - 1);
  return bits & POSITIVE ? magnitude : -magnitude;
};

let encodeTable: Uint8Array | undefined;
let decodeTable: Int16Array | undefined;

const encoder = (): Uint8Array => {
  if (!encodeTable) {
    encodeTable = new Uint8Array(65536);
    for (let s = -32768; s < 32768; s++) encodeTable[s & 0xffff] = linearToAlaw(s);
  }
  return encodeTable;
};

const decoder = (): Int16Array => {
  if (!decodeTable) {
    decodeTable = new Int16Array(256);
    for (let c = 0; c < 256; c++) decodeTable[c] = alawToLinear(c);
  }
  return decodeTable;
};

/** Encodes 16-bit PCM samples to A-law bytes, one byte per sample. */
export const encodeAlaw = (samples: Int16Array): Uint8Array => {
  const table = encoder();
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = table[samples[i]! & 0xffff]!;
  return out;
};

/** Decodes A-law bytes (PCMA payloads) to 16-bit PCM samples. */
export const decodeAlaw = (codes: Uint8Array): Int16Array => {
  const table = decoder();
  const out = new Int16Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = table[codes[i]!]!;
  return out;
};
