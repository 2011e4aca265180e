import { escalationConfig } from './escalationConfig';
import { evolve } from './evolve';
import { EscalationEventError } from './escalationErrors';
import { redeliveryEffects } from './redelivery';
import { runInputs } from './testing/escalationSpec';
import { CALL_ID, T0, ids, input } from './testing/fixtures';
import { initialState } from './state';

const config = escalationConfig({ briefing: { enabled: false } });
const inputs = [
  input.requested(T0),
  input.contextSaved(T0 + 200),
  input.played(ids.transition, T0 + 3_000),
  input.connected(T0 + 20_000),
  input.terminated(T0 + 21_000, 5),
];
const run = runInputs(config, inputs);

describe('redeliveryEffects: an input redelivered after its events were appended', () => {
  it('gives back exactly the effects of its decision while it is the last one', () => {
    let version = 0;
    for (const [n, next] of inputs.entries()) {
      const decision = run.decisions[n]!;
      version += decision.events.length;
      const appended = run.events.slice(0, version);
      expect(redeliveryEffects(CALL_ID, appended, next.inputId, config)).toEqual(decision.effects);
    }
  });

  it('later, gives the same effects again but does not re-arm a timer the saga has disarmed', () => {
    const saved = inputs[1]!;
    const effects = redeliveryEffects(CALL_ID, run.events, saved.inputId, config);
    expect(effects).toEqual([
      { kind: 'CancelTimer', timerId: ids.timer('save-context') },
      {
        kind: 'Speak',
        utteranceId: ids.transition,
        callId: CALL_ID,
        text: config.transitionLine,
        audience: 'caller',
        cacheable: true,
      },
    ]);
  });

  it('gives nothing for an input the log does not hold', () => {
    expect(redeliveryEffects(CALL_ID, run.events, 'never-seen', config)).toEqual([]);
  });
});

describe('evolve on a corrupt event', () => {
  it('refuses an event without a payload', () => {
    const corrupt = { ...run.events[0]!, payload: undefined };
    expect(() => evolve(initialState(CALL_ID), corrupt)).toThrow(EscalationEventError);
  });
});
