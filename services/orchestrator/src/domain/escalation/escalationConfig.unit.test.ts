import { defaultEscalationConfig } from './config';
import { escalationConfig } from './escalationConfig';
import { EscalationConfigError } from './escalationErrors';

describe('escalationConfig', () => {
  it('is the defaults when nothing is overridden', () => {
    expect(escalationConfig()).toEqual(defaultEscalationConfig);
  });

  it('merges nested groups field by field', () => {
    const config = escalationConfig({ fallback: { mode: 'end' }, timeouts: { choiceMs: 9_000 } });
    expect(config.fallback).toEqual({ ...defaultEscalationConfig.fallback, mode: 'end' });
    expect(config.timeouts.choiceMs).toBe(9_000);
    expect(config.timeouts.speechMs).toBe(defaultEscalationConfig.timeouts.speechMs);
  });

  it.each([
    ['ringTimeSeconds', { ringTimeSeconds: 0 }],
    ['ringTimeSeconds', { ringTimeSeconds: 121 }],
    ['ringTimeSeconds', { ringTimeSeconds: 2.5 }],
    ['transitionLine', { transitionLine: '  ' }],
    ['fallback.mode', { fallback: { mode: 'hold-music' as never } }],
    ['fallback.apologyLine', { fallback: { apologyLine: '' } }],
    ['fallback.voicemailMaxDurationSeconds', { fallback: { voicemailMaxDurationSeconds: 0 } }],
    ['timeouts.leaveMs', { timeouts: { leaveMs: -1 } }],
    ['briefing.template', { briefing: { template: '' } }],
  ])('rejects an unusable %s, naming it', (field, overrides) => {
    let error: unknown;
    try {
      escalationConfig(overrides);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EscalationConfigError);
    expect(error).toMatchObject({ name: 'EscalationConfigError', field, retryable: false });
  });
});
