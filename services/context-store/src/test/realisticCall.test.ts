/** A realistic escalated call, in phases, for unit, integration and browser tests. */
import {
  CallHandler,
  EscalationOutcome,
  EscalationReason,
  EscalationStep,
  TerminationReason,
  Transport,
} from '@warmline/contracts';
import type { SourceEvent } from '../domain';
import { eventsFor } from './events.test';

export const CALLER = '+14155550123';
export const CALLEE = '+14155550199';
export const CARD = '4111 1111 1111 1111';
export const SAGA_SUMMARY =
  'Charged twice for order 88231; wants the duplicate refunded and is upset.';

/** The phases of the call, each a list of events in the order their producers appended them. */
export interface CallPhases {
  /** The AI answers and talks with the caller, who gives a card number, then asks for a person. */
  readonly conversation: readonly SourceEvent[];
  /** The saga starts, saves the context, plays the transition line and rings the human. */
  readonly handoff: readonly SourceEvent[];
  /** The human answers, the AI leaves, the saga finishes. */
  readonly connected: readonly SourceEvent[];
}

export const realisticCall = (callId: string, t0: Date): CallPhases => {
  const e = eventsFor(callId, t0);
  const s = 1000;
  const conversation = [
    e.call(0, {
      $case: 'started',
      value: {
        callerNumber: CALLER,
        calleeNumber: CALLEE,
        connectorId: 'acme-support',
        transport: Transport.TRANSPORT_TWILIO,
        handler: CallHandler.CALL_HANDLER_BUILT_IN_AGENT,
        carrierCallId: 'CA123',
      },
    }),
    e.call(100, { $case: 'answerRequested', value: {} }),
    e.call(300, { $case: 'answered', value: {} }),
    e.conversation(1 * s, { $case: 'speechStarted', value: { turnId: 't1', atMs: 1000 } }),
    e.conversation(4 * s, {
      $case: 'transcribed',
      value: {
        turnId: 't1',
        text: 'Hi, I was charged twice for my order last week.',
        confidence: 0.94,
        startMs: 1000,
        endMs: 3900,
      },
    }),
    e.conversation(4.5 * s, {
      $case: 'replied',
      value: {
        turnId: 'a1',
        utteranceId: 'u1',
        text: "I'm sorry about that. Can you tell me the order number?",
        inReplyToTurnId: 't1',
      },
    }),
    e.conversation(7 * s, {
      $case: 'speechPlayed',
      value: {
        utteranceId: 'u1',
        playedMs: 2400,
        totalMs: 2400,
        heardText: "I'm sorry about that. Can you tell me the order number?",
      },
    }),
    e.conversation(14 * s, {
      $case: 'transcribed',
      value: {
        turnId: 't2',
        text: `It's 88231, and it went on my card ${CARD}, security code 123.`,
        confidence: 0.91,
        startMs: 8000,
        endMs: 13800,
      },
    }),
    e.conversation(14.6 * s, {
      $case: 'replied',
      value: {
        turnId: 'a2',
        utteranceId: 'u2',
        text: 'Thank you. I can see order 88231. Refunds for duplicate charges take five to seven days once approved.',
        inReplyToTurnId: 't2',
      },
    }),
    e.conversation(17 * s, { $case: 'bargedIn', value: { utteranceId: 'u2', atMs: 17000 } }),
    e.conversation(17.1 * s, {
      $case: 'speechPlayed',
      value: {
        utteranceId: 'u2',
        playedMs: 2300,
        totalMs: 6100,
        interrupted: true,
        heardText: 'Thank you. I can see order 88231. Refunds for',
      },
    }),
    e.conversation(20 * s, {
      $case: 'transcribed',
      value: {
        turnId: 't3',
        text: 'No, stop. This is ridiculous, put me through to a person.',
        confidence: 0.88,
        startMs: 17000,
        endMs: 19800,
      },
    }),
    e.conversation(20.4 * s, {
      $case: 'escalationRequested',
      value: {
        reason: EscalationReason.ESCALATION_REASON_FRUSTRATION,
        detail: 'Caller interrupted and asked for a person after a double charge.',
        turnId: 't3',
      },
    }),
  ];
  const handoff = [
    e.escalation(20.5 * s, {
      $case: 'started',
      value: {
        reason: EscalationReason.ESCALATION_REASON_FRUSTRATION,
        callerNumber: CALLER,
        summary: SAGA_SUMMARY,
      },
    }),
    e.escalation(20.6 * s, {
      $case: 'stepEntered',
      value: {
        step: EscalationStep.ESCALATION_STEP_SAVING_CONTEXT,
        effectId: `${callId}:save-context:escalation`,
      },
    }),
    e.escalation(20.8 * s, {
      $case: 'stepEntered',
      value: { step: EscalationStep.ESCALATION_STEP_ANNOUNCING, effectId: 'utt-transition' },
    }),
    e.conversation(23 * s, {
      $case: 'speechPlayed',
      value: {
        utteranceId: 'utt-transition',
        playedMs: 2600,
        totalMs: 2600,
        heardText: 'Let me connect you with a specialist who can help.',
      },
    }),
    e.escalation(23.1 * s, {
      $case: 'stepEntered',
      value: { step: EscalationStep.ESCALATION_STEP_CONNECTING, effectId: `${callId}:connect` },
    }),
    e.call(23.2 * s, {
      $case: 'connectRequested',
      value: {
        ringTimeSeconds: 60,
        destination: 'sip:desk@example.invalid',
        calleeLegId: 'leg-1',
        handoffData: { callId, contextId: callId, reason: 'ESCALATION_REASON_FRUSTRATION' },
      },
    }),
    e.call(24 * s, { $case: 'connectRinging', value: { calleeLegId: 'leg-1' } }),
  ];
  const connected = [
    e.call(31 * s, { $case: 'connected', value: { calleeLegId: 'leg-1' } }),
    e.escalation(31.2 * s, {
      $case: 'stepEntered',
      value: { step: EscalationStep.ESCALATION_STEP_LEAVING, effectId: `${callId}:close` },
    }),
    e.call(31.5 * s, {
      $case: 'terminated',
      value: { reason: TerminationReason.TERMINATION_REASON_AGENT_LEFT },
    }),
    e.escalation(31.6 * s, {
      $case: 'finished',
      value: { outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED },
    }),
  ];
  return { conversation, handoff, connected };
};

/** Every event of the call, phase after phase. */
export const allEvents = (phases: CallPhases): SourceEvent[] => [
  ...phases.conversation,
  ...phases.handoff,
  ...phases.connected,
];
