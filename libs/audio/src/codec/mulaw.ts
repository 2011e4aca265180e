/**
 * G.711 μ-law (ITU-T G.711, the North American / Japanese companding law),
 * written with bit arithmetic on the 16-bit linear scale: a 14-bit magnitude
 * plus a bias of 132 puts every segment boundary on a power of two, so the
 * segment is the position of the highest set bit.
 */

const BIAS = 0x84;
/** Largest magnitude that still fits the top segment once biased. */
const CLIP = 32635;

/** Encodes one 16-bit linear sample to a μ-law code (0x00–0xFF). */
export const linearToMulaw = (sample: number): number => {
  const negative = sample < 0;
  let magnitude = negative ? -sample : sample;
  if (magnitude > CLIP) magnitude = CLIP;
  magnitude += BIAS;
  // highest set bit is 7..14 → segment 0..7
  const segment = 31 - Math.clz32(magnitude) - 7;
  const mantissa = (magnitude >> (segment + 3)) & 0x0f;
  const code = (negative ? 0x80 : 0) | (segment << 4) | mantissa;
  return ~code & 0xff;
};

/** Decodes one μ-law code to the 16-bit linear value at the centre of its step. */
export const mulawToLinear = (code: number): number => {
  const bits = ~code & 0xff;
  const segment = (bits >> 4) & 0x07;
  const mantissa = bits & 0x0f;
  const magnitude = (((mantissa << 3) + BIAS) << segment) - BIAS;
  return bits & 0x80 ? 0 - magnitude : magnitude; // 0 - m, not -m: no negative zero
};

let encodeTable: Uint8Array | undefined;
let decodeTable: Int16Array | undefined;

const encoder = (): Uint8Array => {
  if (!encodeTable) {
    encodeTable = new Uint8Array(65536);
    for (let s = -32768; s < 32768; s++) encodeTable[s & 0xffff] = linearToMulaw(s);
  }
  return encodeTable;
};

const decoder = (): Int16Array => {
  if (!decodeTable) {
    decodeTable = new Int16Array(256);
    for (let c = 0; c < 256; c++) decodeTable[c] = mulawToLinear(c);
  }
  return decodeTable;
};

/** Encodes 16-bit PCM samples to μ-law bytes, one byte per sample. */
export const encodeMulaw = (samples: Int16Array): Uint8Array => {
  const table = encoder();
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = table[samples[i]! & 0xffff]!;
  return out;
};

/** Decodes μ-law bytes (for example a Twilio `media.payload`) to 16-bit PCM samples. */
export const decodeMulaw = (codes: Uint8Array): Int16Array => {
  const table = decoder();
  const out = new Int16Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = table[codes[i]!]!;
  return out;
};
