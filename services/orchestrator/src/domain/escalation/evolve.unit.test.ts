import { type EscalationEvent, EscalationStep } from '@warmline/contracts';
import { EscalationEventError } from './escalationErrors';
import { evolve } from './evolve';
import type { EscalationPayload } from './escalationPayload';
import { initialState } from './state';
import { CALL_ID, T0, ids } from './testing/fixtures';

const event = (payload: EscalationPayload): EscalationEvent => ({
  eventId: 'in-1/0',
  callId: CALL_ID,
  occurredAt: new Date(T0),
  causationId: 'in-1',
  correlationId: CALL_ID,
  payload,
});
const accepted = (kind: string, detail: string) =>
  event({ $case: 'inputAccepted', value: { inputId: `${kind}-1`, kind, detail } });
const entered = (step: number, effectId: string) =>
  event({ $case: 'stepEntered', value: { step, effectId } });

const ringing = evolve(
  initialState(CALL_ID),
  entered(EscalationStep.ESCALATION_STEP_CONNECTING, ids.connect),
);

describe('evolve', () => {
  it('counts every event in the version, and marks the connect leg ringing', () => {
    expect(ringing).toMatchObject({
      version: 1,
      calleeLeg: 'ringing',
      issuedEffectIds: [ids.connect],
    });
    expect(ringing.phase).toEqual({ status: 'Connecting', effectId: ids.connect });
  });

  it('a rejected connect means no leg; any other rejected command changes nothing', () => {
    expect(
      evolve(ringing, accepted('CommandRejected', `${ids.connect} WRONG_STATE`)).calleeLeg,
    ).toBe('none');
    expect(evolve(ringing, accepted('CommandRejected', `${ids.close} WRONG_STATE`)).calleeLeg).toBe(
      'ringing',
    );
  });

  it('keeps the facts inputs report, whatever the saga decided on them', () => {
    expect(evolve(ringing, accepted('ContextSaved', 'ctx-9')).contextId).toBe('ctx-9');
    expect(evolve(ringing, accepted('VoicemailRecorded', 'rec-1')).voicemailRecordingId).toBe(
      'rec-1',
    );
    expect(
      evolve(ringing, accepted('CallTerminated', 'TERMINATION_REASON_MEDIA_LOST')),
    ).toMatchObject({
      callEnded: true,
      calleeLeg: 'none',
      processedInputIds: ['CallTerminated-1'],
    });
  });

  it('refuses an event whose step it does not know: a corrupt stream is a broken invariant', () => {
    expect(() => evolve(ringing, entered(99, 'x'))).toThrow(EscalationEventError);
    expect(() => evolve(ringing, entered(EscalationStep.ESCALATION_STEP_UNSPECIFIED, 'x'))).toThrow(
      /in-1\/0: unknown step 0/,
    );
  });
});
