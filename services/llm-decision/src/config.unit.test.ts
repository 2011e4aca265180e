import { ConfigError } from '@warmline/config';
import { CallHandler, EscalationReason } from '@warmline/contracts';
import { DEFAULT_PROFILE_PATH } from './adapters/profileFile';
import { loadLlmDecisionConfig } from './config';

const configError = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadLlmDecisionConfig', () => {
  it('defaults to the local policy engine with a 1.5 s deadline and the policy fallback', () => {
    const config = loadLlmDecisionConfig({});
    expect(config).toMatchObject({
      provider: { kind: 'local' },
      deadlineMs: 1_500,
      fallback: { mode: 'policy', maxConsecutiveFailures: 3 },
      breaker: { failureThreshold: 5, cooldownMs: 30_000 },
      profilePath: DEFAULT_PROFILE_PATH,
      tools: [],
      defaultHandler: CallHandler.CALL_HANDLER_BUILT_IN_AGENT,
      durable: 'llm-decision',
    });
    expect(config.destinations).toBeUndefined();
  });

  it('reads an OpenAI-compatible local server without a key', () => {
    const config = loadLlmDecisionConfig({
      LLM_DECISION_PROVIDER: 'openai',
      LLM_DECISION_OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      LLM_DECISION_OPENAI_MODEL: 'llama3.1',
      LLM_DECISION_DEADLINE: '2s',
    });
    expect(config.provider).toEqual({
      kind: 'openai',
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3.1',
    });
    expect(config.deadlineMs).toBe(2_000);
  });

  it('requires a key for Gemini', () => {
    const error = configError(() => loadLlmDecisionConfig({ LLM_DECISION_PROVIDER: 'gemini' }));
    expect(error.message).toContain('LLM_DECISION_GEMINI_API_KEY: missing');
    const config = loadLlmDecisionConfig({
      LLM_DECISION_PROVIDER: 'gemini',
      LLM_DECISION_GEMINI_API_KEY: 'k-1',
    });
    expect(config.provider).toMatchObject({
      kind: 'gemini',
      apiKey: 'k-1',
      model: 'gemini-2.5-flash',
    });
  });

  it('parses configured tools and the destination allowlist', () => {
    const config = loadLlmDecisionConfig({
      LLM_DECISION_DESTINATIONS: 'acme-support-desk, acme-billing',
      LLM_DECISION_TOOLS: JSON.stringify([
        {
          name: 'billing_team',
          description: 'Billing disputes',
          action: { kind: 'escalate', reason: 'policy_keyword', destinationId: 'acme-billing' },
        },
      ]),
    });
    expect(config.destinations).toEqual(['acme-support-desk', 'acme-billing']);
    expect(config.tools).toEqual([
      {
        name: 'billing_team',
        description: 'Billing disputes',
        parameters: { type: 'object', properties: {} },
        action: {
          kind: 'escalate',
          reason: EscalationReason.ESCALATION_REASON_POLICY_KEYWORD,
          destinationId: 'acme-billing',
        },
      },
    ]);
  });

  it.each([
    ['a built-in name', [{ name: 'escalate_to_human', description: 'x', action: { kind: 'end' } }]],
    [
      'an unknown reason',
      [{ name: 't', description: 'x', action: { kind: 'escalate', reason: 'vip' } }],
    ],
    ['a bad name', [{ name: 'no spaces', description: 'x', action: { kind: 'end' } }]],
    [
      'a non-object schema',
      [{ name: 't', description: 'x', parameters: { type: 'string' }, action: { kind: 'end' } }],
    ],
    [
      'a repeated name',
      [1, 2].map(() => ({ name: 't', description: 'x', action: { kind: 'end' } })),
    ],
  ])('rejects tools with %s', (_case, tools) => {
    const error = configError(() =>
      loadLlmDecisionConfig({ LLM_DECISION_TOOLS: JSON.stringify(tools) }),
    );
    expect(error.issues[0]?.variable).toBe('LLM_DECISION_TOOLS');
  });
});
