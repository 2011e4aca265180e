import { digitRuns } from './digitRuns';
import { findCardNumbers } from './findCardNumbers';
import { findIbans } from './findIbans';
import { findSecurityCodes } from './findSecurityCodes';
import { findSsns } from './findSsns';
import {
  REDACTION_KINDS,
  REDACTION_MARKERS,
  type RedactionKind,
  type RedactionPolicy,
} from './redactionPolicy';
import type { RedactionSpan } from './span';

const detect = (kind: RedactionKind, text: string): RedactionSpan[] => {
  switch (kind) {
    case 'card':
      return findCardNumbers(digitRuns(text));
    case 'ssn':
      return findSsns(text, digitRuns(text));
    case 'security-code':
      return findSecurityCodes(text, digitRuns(text));
    case 'iban':
      return findIbans(text);
  }
};

const overlaps = (a: RedactionSpan, b: RedactionSpan): boolean =>
  a.start < b.end && b.start < a.end;

/**
 * Replaces card numbers (Luhn-checked), security codes after a cue, IBAN-like account numbers
 * and US social security numbers with a readable marker (`[card number redacted]`), as the
 * policy allows. Pure and deterministic: a rebuild redacts exactly as the live projection did.
 */
export const redactText = (text: string, policy: RedactionPolicy): string => {
  if (
    !policy.enabled ||
    text.length === 0 ||
    !/\d|zero|one|two|three|four|five|six|seven|eight|nine/i.test(text)
  ) {
    return text;
  }
  const accepted: RedactionSpan[] = [];
  for (const kind of REDACTION_KINDS) {
    if (!policy.kinds.has(kind)) continue;
    for (const span of detect(kind, text)) {
      if (!accepted.some((other) => overlaps(other, span))) accepted.push(span);
    }
  }
  if (accepted.length === 0) return text;
  accepted.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const span of accepted) {
    out += text.slice(at, span.start) + REDACTION_MARKERS[span.kind];
    at = span.end;
  }
  return out + text.slice(at);
};
