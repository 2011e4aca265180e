import { StreamProtocolError } from './streamProtocolError';

/** A parsed JSON object (the only frame shape carriers send). */
export type JsonObject = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses one text frame into a JSON object.
 *
 * @throws {@link StreamProtocolError} `BAD_JSON` for anything else.
 */
export const parseJsonObject = (text: string): JsonObject => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StreamProtocolError('BAD_JSON', 'frame is not valid JSON');
  }
  if (!isObject(value)) throw new StreamProtocolError('BAD_JSON', 'frame is not a JSON object');
  return value;
};

/** Reads typed fields of one frame; every miss is a `BAD_FRAME` naming the event and field. */
export class FieldReader {
  constructor(
    private readonly frame: JsonObject,
    private readonly event: string,
    private readonly path = '',
  ) {}

  private fail(field: string, expected: string): never {
    throw new StreamProtocolError(
      'BAD_FRAME',
      `${this.event} frame: ${this.path}${field} must be ${expected}`,
      this.event,
    );
  }

  /** A nested object field. */
  object(field: string): FieldReader {
    const value = this.frame[field];
    if (!isObject(value)) this.fail(field, 'an object');
    return new FieldReader(value, this.event, `${this.path}${field}.`);
  }

  /** A nested object field that may be absent. */
  optionalObject(field: string): FieldReader | undefined {
    return this.frame[field] === undefined ? undefined : this.object(field);
  }

  /** A non-empty string. */
  string(field: string): string {
    const value = this.frame[field];
    if (typeof value !== 'string' || value === '') this.fail(field, 'a non-empty string');
    return value;
  }

  /** A string that may be absent or empty. */
  optionalString(field: string): string | undefined {
    const value = this.frame[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') this.fail(field, 'a string');
    return value;
  }

  /** A string or a number, as text; absent reads as `undefined`. */
  optionalScalar(field: string): string | undefined {
    const value = this.frame[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number')
      this.fail(field, 'a string or a number');
    return String(value);
  }

  /**
   * A non-negative integer sent as a number or, as both carriers do, a decimal string.
   */
  count(field: string): number {
    const value = this.frame[field];
    const parsed =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\d{1,15}$/.test(value)
          ? Number(value)
          : NaN;
    if (!Number.isSafeInteger(parsed) || parsed < 0) this.fail(field, 'a non-negative integer');
    return parsed;
  }

  /** A count that may be absent. */
  optionalCount(field: string): number | undefined {
    return this.frame[field] === undefined ? undefined : this.count(field);
  }

  /** An array of strings (absent reads as empty). */
  strings(field: string): string[] {
    const value = this.frame[field];
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      this.fail(field, 'an array of strings');
    }
    return [...value];
  }

  /** A flat string-to-string map (absent reads as empty); non-string values are refused. */
  stringMap(field: string): Record<string, string> {
    const value = this.frame[field];
    if (value === undefined || value === null) return {};
    if (!isObject(value)) this.fail(field, 'an object of strings');
    const out: Record<string, string> = {};
    for (const [key, item] of Object.entries(value)) {
      if (typeof item !== 'string') this.fail(`${field}.${key}`, 'a string');
      out[key] = item;
    }
    return out;
  }

  /** Base64 audio (standard alphabet, padded), decoded. */
  base64(field: string): Uint8Array {
    const value = this.string(field);
    if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) this.fail(field, 'base64');
    return new Uint8Array(Buffer.from(value, 'base64'));
  }
}
