import type { StreamStarted } from '../carriers/stream/streamEvent';
import { testNumbers } from '../testSupport/testCarrierSettings';
import { admitCall, transferAllowed } from './admitCall';

const twilioStart = (overrides: Partial<StreamStarted> = {}): StreamStarted => ({
  kind: 'start',
  streamId: 'MZ1',
  carrierCallId: 'CA1',
  accountId: 'AC00000000000000000000000000000001',
  customParameters: { to: '+15550001111', from: '+15557770001' },
  format: { encoding: 'PCMU', sampleRate: 8000 },
  tracks: ['inbound'],
  ...overrides,
});
const twilio = { carrier: 'twilio' as const, account: 'AC00000000000000000000000000000001' };

describe('per-number admission', () => {
  it('admits a configured number for the account whose credentials signed the stream', () => {
    const admitted = admitCall(testNumbers, twilio, twilioStart());
    expect(admitted).toMatchObject({
      ok: true,
      callerNumber: '+15557770001',
      calleeNumber: '+15550001111',
    });
    expect(admitted.ok && admitted.route.connectorId).toBe('connector-twilio');
  });

  it('refuses a start naming another account, a number not configured, or no number', () => {
    expect(admitCall(testNumbers, twilio, twilioStart({ accountId: 'AC-other' }))).toMatchObject({
      ok: false,
      reason: 'ACCOUNT_MISMATCH',
    });
    expect(
      admitCall(testNumbers, twilio, twilioStart({ customParameters: { to: '+15550003333' } })),
    ).toMatchObject({
      ok: false,
      reason: 'NUMBER_NOT_ALLOWED',
    });
    expect(admitCall(testNumbers, twilio, twilioStart({ customParameters: {} }))).toMatchObject({
      ok: false,
      reason: 'NUMBER_MISSING',
    });
  });

  it('refuses a number configured for another carrier or account', () => {
    const telnyx = { carrier: 'telnyx' as const, account: 'telnyx-main' };
    const start = twilioStart({ accountId: '', to: '+15550001111', customParameters: {} });
    expect(admitCall(testNumbers, telnyx, start)).toMatchObject({
      ok: false,
      reason: 'NUMBER_NOT_ALLOWED',
    });
  });

  it('checks the Telnyx user id only when the account names one', () => {
    const start = twilioStart({ accountId: 'user-x', to: '+15550002222', customParameters: {} });
    expect(
      admitCall(testNumbers, { carrier: 'telnyx', account: 'telnyx-main' }, start),
    ).toMatchObject({ ok: true });
    expect(
      admitCall(
        testNumbers,
        { carrier: 'telnyx', account: 'telnyx-main', userId: 'user-y' },
        start,
      ),
    ).toMatchObject({
      ok: false,
      reason: 'ACCOUNT_MISMATCH',
    });
  });

  it("allows transfers only to the number's configured destinations, exactly", () => {
    const route = testNumbers[0]!;
    expect(transferAllowed(route, '+15559990000')).toBe(true);
    expect(transferAllowed(route, '+155599900001')).toBe(false);
    expect(transferAllowed(route, '+882123456789')).toBe(false);
  });
});
