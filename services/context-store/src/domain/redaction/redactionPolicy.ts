/** The kinds of sensitive data redacted from text before it is stored. */
export type RedactionKind = 'card' | 'security-code' | 'iban' | 'ssn';

/** Every redaction kind, in the order their detectors run (earlier kinds win overlaps). */
export const REDACTION_KINDS: readonly RedactionKind[] = ['card', 'ssn', 'security-code', 'iban'];

/** What to redact. On by default, every kind. */
export interface RedactionPolicy {
  readonly enabled: boolean;
  readonly kinds: ReadonlySet<RedactionKind>;
}

/** The default: redaction on, for every kind. */
export const DEFAULT_REDACTION: RedactionPolicy = {
  enabled: true,
  kinds: new Set(REDACTION_KINDS),
};

/** No redaction at all (tests and deployments that redact upstream). */
export const NO_REDACTION: RedactionPolicy = { enabled: false, kinds: new Set() };

/** The text that replaces a redacted span, readable by the human agent. */
export const REDACTION_MARKERS: Readonly<Record<RedactionKind, string>> = {
  card: '[card number redacted]',
  'security-code': '[security code redacted]',
  iban: '[IBAN redacted]',
  ssn: '[SSN redacted]',
};

/** Type guard for configuration values. */
export const isRedactionKind = (value: string): value is RedactionKind =>
  (REDACTION_KINDS as readonly string[]).includes(value);
