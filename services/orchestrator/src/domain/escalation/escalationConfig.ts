import { defaultEscalationConfig, type EscalationConfig, type FallbackMode } from './config';
import { EscalationConfigError } from './escalationErrors';

/** Settings to change from {@link defaultEscalationConfig}; nested groups merge field by field. */
export interface EscalationConfigOverrides {
  readonly transitionLine?: string;
  readonly ringTimeSeconds?: number;
  readonly briefing?: Partial<EscalationConfig['briefing']>;
  readonly fallback?: Partial<EscalationConfig['fallback']>;
  readonly timeouts?: Partial<EscalationConfig['timeouts']>;
}

const FALLBACK_MODES: readonly FallbackMode[] = ['return-to-agent', 'voicemail', 'end'];

const requireText = (field: string, value: string) => {
  if (value.trim() === '') throw new EscalationConfigError(field, 'must not be empty');
};

const requireInteger = (field: string, value: number, min: number, max: number) => {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new EscalationConfigError(
      field,
      `must be an integer from ${min} to ${max}, got ${value}`,
    );
  }
};

const validate = (config: EscalationConfig): EscalationConfig => {
  requireText('transitionLine', config.transitionLine);
  requireInteger('ringTimeSeconds', config.ringTimeSeconds, 1, 120);
  requireText('briefing.template', config.briefing.template);
  requireInteger('briefing.maxSummaryChars', config.briefing.maxSummaryChars, 20, 2_000);
  if (!FALLBACK_MODES.includes(config.fallback.mode)) {
    throw new EscalationConfigError('fallback.mode', `must be one of ${FALLBACK_MODES.join(', ')}`);
  }
  const { mode: _mode, voicemailMaxDurationSeconds, ...lines } = config.fallback;
  for (const [name, line] of Object.entries(lines)) requireText(`fallback.${name}`, line);
  requireInteger('fallback.voicemailMaxDurationSeconds', voicemailMaxDurationSeconds, 1, 600);
  for (const [name, ms] of Object.entries(config.timeouts)) {
    requireInteger(`timeouts.${name}`, ms, 1, 3_600_000);
  }
  return config;
};

/**
 * The saga's configuration: the defaults with `overrides` merged in, checked once at start-up.
 * @throws EscalationConfigError naming the first unusable setting.
 */
export const escalationConfig = (overrides: EscalationConfigOverrides = {}): EscalationConfig => {
  const base = defaultEscalationConfig;
  return validate({
    transitionLine: overrides.transitionLine ?? base.transitionLine,
    ringTimeSeconds: overrides.ringTimeSeconds ?? base.ringTimeSeconds,
    briefing: { ...base.briefing, ...overrides.briefing },
    fallback: { ...base.fallback, ...overrides.fallback },
    timeouts: { ...base.timeouts, ...overrides.timeouts },
  });
};
