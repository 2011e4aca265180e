import { type LlmDecisionConfig, loadLlmDecisionConfig } from '../config';

/** The default configuration (as from an empty environment) with `overrides`. */
export const testConfig = (overrides: Partial<LlmDecisionConfig> = {}): LlmDecisionConfig => ({
  ...loadLlmDecisionConfig({}),
  ...overrides,
});
