import { EscalationOutcome } from '@warmline/contracts';
import type { FallbackMode } from './config';
import { escalationConfig } from './escalationConfig';
import type { EscalationInput } from './inputs';
import { foldEscalation } from './workflow';
import { issuedIds, repeated } from './testing/assertions';
import { runInputs } from './testing/escalationSpec';
import { CALL_ID, T0, ids, input } from './testing/fixtures';
import { permutations } from './testing/permutations';

const connectRequested = [
  input.requested(T0),
  input.contextSaved(T0 + 200),
  input.played(ids.transition, T0 + 3_000),
];

const name = (i: EscalationInput) => i.kind;
const disconnects = (effects: ReturnType<typeof runInputs>['effects']) =>
  effects.filter((e) => e.kind === 'SendCallCommand' && e.command.$case === 'disconnect');

/** Three racing inputs, all after connect was requested, timed so each order is realistic. */
const at = (order: readonly EscalationInput[]): EscalationInput[] =>
  order.map((i, n) => ({ ...i, nowMs: T0 + 34_000 + n * 1_000 }));

describe.each<FallbackMode>(['voicemail', 'return-to-agent', 'end'])(
  'CallerHungUp, CallConnectFailed and the connect guard in every order (fallback %s)',
  (mode) => {
    const config = escalationConfig({ fallback: { mode } });
    const hungUp = input.terminated(T0 + 34_000);
    const failed = input.connectFailed('CALL_UNANSWERED', T0 + 34_000);
    const guard = input.fired('connect', T0 + 38_000);

    it.each(
      permutations([hungUp, failed, guard]).map((order) => [order.map(name).join(' → '), order]),
    )('%s', (_label, order) => {
      const run = runInputs(config, [...connectRequested, ...at(order)]);

      expect(run.state.phase).toMatchObject({
        status: 'Finished',
        outcome: EscalationOutcome.ESCALATION_OUTCOME_ABANDONED,
      });
      expect(repeated(issuedIds(run.effects))).toEqual([]);
      expect(run.state.timers).toEqual([]);
      // One apology at most, and only if the failure or the guard came before the hang-up.
      const apologies = run.effects.filter(
        (e) => e.kind === 'Speak' && e.utteranceId === ids.apology,
      );
      expect(apologies).toHaveLength(order.indexOf(hungUp) === 0 ? 0 : 1);
      // The callee leg is cleaned up iff it could still be ringing when the caller left.
      expect(disconnects(run.effects)).toHaveLength(
        order.indexOf(hungUp) < order.indexOf(failed) ? 1 : 0,
      );
      expect(foldEscalation(CALL_ID, run.events)).toEqual(run.state);
    });
  },
);

describe('CallConnected, CallerHungUp and the connect guard in every order', () => {
  const config = escalationConfig();
  const answered = input.connected(T0 + 34_000);
  const hungUp = input.terminated(T0 + 34_000);
  const guard = input.fired('connect', T0 + 38_000);

  it.each(
    permutations([answered, hungUp, guard]).map((order) => [order.map(name).join(' → '), order]),
  )(
    '%s: ABANDONED, the callee leg cleaned up exactly once, no briefing after the hang-up',
    (_label, order) => {
      const run = runInputs(config, [...connectRequested, ...at(order)]);

      expect(run.state.phase).toMatchObject({
        outcome: EscalationOutcome.ESCALATION_OUTCOME_ABANDONED,
      });
      expect(disconnects(run.effects)).toHaveLength(1);
      expect(repeated(issuedIds(run.effects))).toEqual([]);
      const afterHangUp = run.decisions.slice(connectRequested.length + order.indexOf(hungUp) + 1);
      expect(afterHangUp.flatMap((d) => d.effects)).toEqual([]);
    },
  );
});
