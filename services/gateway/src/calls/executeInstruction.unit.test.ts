import { AgentMode, type GatewayInstruction, TerminationReason } from '@warmline/contracts';
import { createLogger } from '@warmline/telemetry';
import { CarrierApiError } from '../carriers/carrierApiError';
import { testNumbers } from '../testSupport/testCarrierSettings';
import type { CallActions } from './callActions';
import type { CalleeLegState, CarrierLegControl } from './carrierLegControl';
import { executeInstruction } from './executeInstruction';

const logger = createLogger({ service: 'test', level: 'silent' });

const fakeCall = (control: Partial<CarrierLegControl> = {}) => {
  const log: string[] = [];
  let leg: CalleeLegState | undefined;
  let ended = false;
  const call: CallActions = {
    callId: 'c1',
    get ended() {
      return ended;
    },
    get calleeLeg() {
      return leg;
    },
    route: testNumbers[0]!,
    control: { transferEndsStream: true, resumesAfterTransfer: true, ...control },
    answer: () => log.push('answer'),
    removeAgent: () => log.push('removeAgent'),
    beginTransfer: (plan) => {
      leg = { calleeLegId: plan.calleeLegId, answered: false };
      return { ...plan, resumeToken: 'tok' };
    },
    endTransfer: () => {
      leg = undefined;
      log.push('endTransfer');
    },
    hangup: () => {
      ended = true;
      log.push('hangup');
    },
  };
  return { call, log, setLeg: (l: CalleeLegState) => (leg = l) };
};

const run = (call: CallActions, action: GatewayInstruction['action']) =>
  executeInstruction(call, { instructionId: 'i1', callId: 'c1', action }, logger);

describe('gateway instructions on a carrier stream', () => {
  it('answer starts forwarding; remove_agent takes the agent out', async () => {
    const { call, log } = fakeCall();
    expect(await run(call, { $case: 'answer', value: {} })).toMatchObject({
      instructionId: 'i1',
      ok: true,
    });
    expect(await run(call, { $case: 'removeAgent', value: {} })).toMatchObject({ ok: true });
    expect(log).toEqual(['answer', 'removeAgent']);
  });

  it('hangup ends the call here and at the carrier; a repeat is fine; a carrier failure is reported', async () => {
    const hangups: string[] = [];
    const { call, log } = fakeCall({ hangup: async (id) => void hangups.push(id) });
    expect(
      await run(call, {
        $case: 'hangup',
        value: { reason: TerminationReason.TERMINATION_REASON_DISCONNECTED },
      }),
    ).toMatchObject({ ok: true });
    expect(
      await run(call, {
        $case: 'hangup',
        value: { reason: TerminationReason.TERMINATION_REASON_DISCONNECTED },
      }),
    ).toMatchObject({ ok: true });
    expect(hangups).toEqual(['i1']);
    expect(log).toEqual(['hangup']);
    const failing = fakeCall({
      hangup: () => Promise.reject(new CarrierApiError('twilio', 500, 'down')),
    });
    expect(await run(failing.call, { $case: 'hangup', value: { reason: 0 } })).toMatchObject({
      ok: false,
      errorCode: 'CARRIER_API_ERROR',
    });
    expect(failing.log).toEqual(['hangup']);
  });

  it('place_callee: allowlisted destinations only; one leg at a time; repeats are idempotent; failures forget the leg', async () => {
    const placed: string[] = [];
    const { call, log } = fakeCall({
      placeCallee: async (plan) => void placed.push(`${plan.calleeLegId}>${plan.destination}`),
    });
    const place = (calleeLegId: string, destination: string) =>
      run(call, {
        $case: 'placeCallee',
        value: { calleeLegId, destination, ringTimeSeconds: 0, handoffData: {} },
      });
    expect(await place('l1', '+19005550000')).toMatchObject({
      ok: false,
      errorCode: 'DESTINATION_NOT_ALLOWED',
    });
    expect(await place('l1', '+15559990000')).toMatchObject({ ok: true });
    expect(await place('l1', '+15559990000')).toMatchObject({ ok: true });
    expect(await place('l2', '+15559990000')).toMatchObject({
      ok: false,
      errorCode: 'CONNECT_IN_PROGRESS',
    });
    expect(placed).toEqual(['l1>+15559990000']);
    const failing = fakeCall({
      placeCallee: () => Promise.reject(new CarrierApiError('telnyx', 422, 'ended')),
    });
    expect(
      await run(failing.call, {
        $case: 'placeCallee',
        value: {
          calleeLegId: 'l',
          destination: '+15559990000',
          ringTimeSeconds: 5,
          handoffData: {},
        },
      }),
    ).toMatchObject({ ok: false, errorCode: 'CARRIER_API_ERROR' });
    expect(failing.log).toEqual(['endTransfer']);
    expect(log).toEqual([]);
  });

  it('without a REST control, connect and cancel are not supported', async () => {
    const { call, setLeg } = fakeCall();
    expect(
      await run(call, {
        $case: 'placeCallee',
        value: {
          calleeLegId: 'l',
          destination: '+15559990000',
          ringTimeSeconds: 5,
          handoffData: {},
        },
      }),
    ).toMatchObject({ ok: false, errorCode: 'NOT_SUPPORTED' });
    setLeg({ calleeLegId: 'l', answered: false });
    expect(await run(call, { $case: 'cancelCallee', value: { calleeLegId: 'l' } })).toMatchObject({
      ok: false,
      errorCode: 'NOT_SUPPORTED',
    });
    expect(
      await run(call, { $case: 'cancelCallee', value: { calleeLegId: 'other' } }),
    ).toMatchObject({ ok: true });
  });

  it('set_mix_mode: BARGE before a bridge is what a stream already does; anything else is not supported', async () => {
    const { call, setLeg } = fakeCall();
    expect(
      await run(call, { $case: 'setMixMode', value: { mode: AgentMode.AGENT_MODE_BARGE } }),
    ).toMatchObject({ ok: true });
    expect(
      await run(call, { $case: 'setMixMode', value: { mode: AgentMode.AGENT_MODE_WHISPER } }),
    ).toMatchObject({ errorCode: 'NOT_SUPPORTED' });
    setLeg({ calleeLegId: 'l', answered: true });
    expect(
      await run(call, { $case: 'setMixMode', value: { mode: AgentMode.AGENT_MODE_BARGE } }),
    ).toMatchObject({ errorCode: 'NOT_SUPPORTED' });
  });

  it('refuses an instruction without an action, and anything but hangup once the call ended', async () => {
    const { call } = fakeCall();
    expect(await run(call, undefined)).toMatchObject({ ok: false, errorCode: 'INVALID_ARGUMENT' });
    await run(call, { $case: 'hangup', value: { reason: 0 } });
    expect(await run(call, { $case: 'answer', value: {} })).toMatchObject({
      ok: false,
      errorCode: 'CALL_ENDED',
    });
  });
});
