import type { RedactionKind } from './redactionPolicy';

/** A part of a text to replace, `[start, end)`. */
export interface RedactionSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: RedactionKind;
}
