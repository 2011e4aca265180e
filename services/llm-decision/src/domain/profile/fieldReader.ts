import type { ProfileIssue } from './profileError';

type Fields = Readonly<Record<string, unknown>>;

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;

/** Options for {@link FieldReader.number}. */
export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly fallback?: number;
}

/**
 * Reads typed fields out of an untrusted parsed document, collecting every problem as a
 * {@link ProfileIssue} instead of stopping at the first, and returning a placeholder so the
 * rest of the document is still checked.
 */
export class FieldReader {
  readonly issues: ProfileIssue[] = [];

  /** Records a problem at `path`. */
  fail(path: string, message: string): void {
    this.issues.push({ path: path === '' ? '(document)' : path, message });
  }

  /** An object whose keys are all in `allowed` (unknown keys are reported: they are usually typos). */
  record(value: unknown, path: string, allowed: readonly string[]): Fields {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.fail(path, `expected a mapping, got ${describe(value)}`);
      return {};
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(`${path}.${key}`.replace(/^\./, ''), 'unknown field');
    }
    return value as Fields;
  }

  /** A non-empty string; `fallback` when absent (or a problem when there is none). */
  string(fields: Fields, key: string, path: string, fallback?: string): string {
    const value = fields[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(
        path,
        value === undefined ? 'required' : `expected a non-empty string, got ${describe(value)}`,
      );
      return '';
    }
    return value.trim();
  }

  /** A number within the rule's bounds; `rule.fallback` when absent. */
  number(fields: Fields, key: string, path: string, rule: NumberRule = {}): number {
    const value = fields[key];
    if (value === undefined && rule.fallback !== undefined) return rule.fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(
        path,
        value === undefined ? 'required' : `expected a number, got ${describe(value)}`,
      );
      return rule.fallback ?? 0;
    }
    if (rule.integer === true && !Number.isInteger(value))
      this.fail(path, 'expected a whole number');
    if (rule.min !== undefined && value < rule.min) this.fail(path, `must be at least ${rule.min}`);
    if (rule.max !== undefined && value > rule.max) this.fail(path, `must be at most ${rule.max}`);
    return value;
  }

  /** A list of non-empty strings with at least `minItems`; `fallback` when absent. */
  stringList(
    fields: Fields,
    key: string,
    path: string,
    minItems = 0,
    fallback?: readonly string[],
  ): string[] {
    const value = fields[key];
    if (value === undefined && fallback !== undefined) return [...fallback];
    if (!Array.isArray(value)) {
      this.fail(path, value === undefined ? 'required' : `expected a list, got ${describe(value)}`);
      return [];
    }
    const out: string[] = [];
    value.forEach((item: unknown, i) => {
      if (typeof item === 'string' && item.trim() !== '') out.push(item.trim());
      else this.fail(`${path}[${i}]`, `expected a non-empty string, got ${describe(item)}`);
    });
    if (out.length < minItems) this.fail(path, `needs at least ${minItems} item(s)`);
    return out;
  }

  /** A list of anything (each item is read by the caller); `[]` when absent and optional. */
  list(fields: Fields, key: string, path: string, optional = false): readonly unknown[] {
    const value = fields[key];
    if (value === undefined && optional) return [];
    if (!Array.isArray(value)) {
      this.fail(path, value === undefined ? 'required' : `expected a list, got ${describe(value)}`);
      return [];
    }
    return value as readonly unknown[];
  }
}
