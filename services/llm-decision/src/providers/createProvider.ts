import type { ProviderConfig } from '../config';
import type { DecisionProvider } from './decisionProvider';
import { geminiProvider } from './gemini/geminiProvider';
import { localPolicyProvider } from './localPolicyProvider';
import type { ModelProviderOptions } from './modelProvider';
import { openAiProvider } from './openai/openAiProvider';

/** The provider the configuration chooses (the local policy engine by default). */
export function createProvider(
  config: ProviderConfig,
  options: ModelProviderOptions,
): DecisionProvider {
  switch (config.kind) {
    case 'local':
      return localPolicyProvider();
    case 'openai':
      return openAiProvider({ ...options, ...config });
    case 'gemini':
      return geminiProvider({ ...options, ...config });
  }
}
