import { ConfigError } from '@warmline/config';
import { loadOrchestratorConfig } from './config';
import { defaultAgentSessionConfig } from './domain/agentSession';
import { EscalationConfigError, defaultEscalationConfig } from './domain/escalation';

describe('loadOrchestratorConfig', () => {
  it('runs on defaults alone', () => {
    const config = loadOrchestratorConfig({});
    expect(config).toMatchObject({
      natsUrl: 'nats://127.0.0.1:4222',
      escalation: defaultEscalationConfig,
      agentSession: defaultAgentSessionConfig,
      ackWaitMs: 30_000,
      streamReplicas: 1,
      logPii: false,
    });
  });

  it('takes the lines, ring time, briefing, fallback mode and guard timeouts from the environment', () => {
    const config = loadOrchestratorConfig({
      ORCHESTRATOR_GREETING: 'Hi, Acme here.',
      ORCHESTRATOR_TRANSITION_LINE: 'One moment, connecting you.',
      ORCHESTRATOR_RING_TIME: '45s',
      ORCHESTRATOR_BRIEFING: 'false',
      ORCHESTRATOR_FALLBACK_MODE: 'end',
      ORCHESTRATOR_SPEECH_TIMEOUT: '5s',
      ORCHESTRATOR_STREAM_REPLICAS: '3',
    });
    expect(config.agentSession.greeting).toBe('Hi, Acme here.');
    expect(config.escalation).toMatchObject({
      transitionLine: 'One moment, connecting you.',
      ringTimeSeconds: 45,
      briefing: { ...defaultEscalationConfig.briefing, enabled: false },
      fallback: { ...defaultEscalationConfig.fallback, mode: 'end' },
      timeouts: { ...defaultEscalationConfig.timeouts, speechMs: 5_000 },
    });
    expect(config.streamReplicas).toBe(3);
  });

  it('refuses a malformed variable, naming it', () => {
    expect(() => loadOrchestratorConfig({ ORCHESTRATOR_FALLBACK_MODE: 'hang-up' })).toThrow(
      ConfigError,
    );
    expect(() => loadOrchestratorConfig({ ORCHESTRATOR_ACK_WAIT: 'soon' })).toThrow(
      /ORCHESTRATOR_ACK_WAIT/,
    );
  });

  it('refuses a ring time that is not whole seconds from 1 to 120', () => {
    expect(() => loadOrchestratorConfig({ ORCHESTRATOR_RING_TIME: '1500ms' })).toThrow(
      EscalationConfigError,
    );
    expect(() => loadOrchestratorConfig({ ORCHESTRATOR_RING_TIME: '5m' })).toThrow(
      EscalationConfigError,
    );
  });
});
