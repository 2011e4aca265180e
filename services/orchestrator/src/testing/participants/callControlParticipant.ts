import { type Bus, type ConsumerHandle, consume, protoCodec } from '@warmline/bus';
import {
  CallCommand,
  CallEvent,
  type CallHandler,
  TerminationReason,
  streams,
  subjectWildcards,
  subjects,
} from '@warmline/contracts';
import { callEvent, callStarted } from './callEvents';
import { type HeldOutcomes, heldOutcomes } from './heldOutcomes';
import { publishOutcome } from './publishOutcome';

/** What the callee does when connect() rings them. */
export type ConnectOutcome = 'answer' | 'unanswered' | 'silent';

/** Options of {@link startCallControlParticipant}. */
export interface CallControlOptions {
  /** Per call; default `answer`. */
  readonly connectOutcome?: (callId: string) => ConnectOutcome;
  /** Calls whose events are published twice (a duplicate input for the saga). */
  readonly duplicateEvents?: (callId: string) => boolean;
}

/** A stand-in for call-control, following its contract with the saga and the agent session. */
export interface CallControlParticipant {
  /** Every command taken from `CALL_COMMANDS`, in order. */
  readonly commands: CallCommand[];
  /** Hold the events that answer matching commands. */
  readonly outcomes: HeldOutcomes<CallCommand>;
  /** A new call arrives (`CallStarted`). */
  startCall(callId: string, handler: CallHandler): Promise<void>;
  /** The caller hangs up. */
  hangUp(callId: string): Promise<void>;
  /** The caller presses a key (`CallDtmfReceived`). */
  pressKey(callId: string, digit: string): Promise<void>;
  stop(): Promise<void>;
}

type Payload = NonNullable<CallEvent['payload']>;

/**
 * Contract participant for call-control: consumes saga commands from the `CALL_COMMANDS` work
 * queue (`cmd.call.<callId>`), applies each command id once, and appends what call-control would
 * to `evt.call.<callId>`, each event caused by the command: answer → CallAnswered; connect →
 * CallConnectRequested then CallConnected (or CallConnectFailed CALL_UNANSWERED); set mode →
 * AgentModeChanged; close → CallTerminated AGENT_LEFT (CLOSED before connect); disconnect →
 * CallTerminated DISCONNECTED. A command it refuses (unknown call) appends nothing.
 */
export const startCallControlParticipant = async (
  bus: Bus,
  options: CallControlOptions = {},
): Promise<CallControlParticipant> => {
  const commands: CallCommand[] = [];
  const applied = new Set<string>();
  const connected = new Set<string>();
  const outcomes = heldOutcomes<CallCommand>();
  const codec = protoCodec(CallEvent);
  const append = async (callId: string, eventId: string, causationId: string, payload: Payload) => {
    const event = callEvent(callId, eventId, causationId, payload);
    const again = options.duplicateEvents?.(callId) ?? false;
    await publishOutcome(bus, subjects.callEvents(callId), codec, event, eventId, again);
  };

  const outcomeOf = (command: CallCommand): Payload[] => {
    const { callId } = command;
    switch (command.payload?.$case) {
      case 'answer':
        return [{ $case: 'answered', value: {} }];
      case 'connect': {
        const requested: Payload = {
          $case: 'connectRequested',
          value: {
            ringTimeSeconds: command.payload.value.ringTimeSeconds,
            destination: 'callee',
            calleeLegId: `leg-${callId}`,
            handoffData: command.payload.value.handoffData,
          },
        };
        const outcome = options.connectOutcome?.(callId) ?? 'answer';
        if (outcome === 'silent') return [requested];
        if (outcome === 'unanswered') {
          return [
            requested,
            {
              $case: 'connectFailed',
              value: {
                errorCode: 'CALL_UNANSWERED',
                errorMessage: 'no answer',
                carrierStatus: 408,
              },
            },
          ];
        }
        connected.add(callId);
        return [requested, { $case: 'connected', value: { calleeLegId: `leg-${callId}` } }];
      }
      case 'setAgentMode':
        return [{ $case: 'agentModeChanged', value: { mode: command.payload.value.mode } }];
      case 'close': {
        const { TERMINATION_REASON_AGENT_LEFT, TERMINATION_REASON_CLOSED } = TerminationReason;
        const reason = connected.has(callId)
          ? TERMINATION_REASON_AGENT_LEFT
          : TERMINATION_REASON_CLOSED;
        return [{ $case: 'terminated', value: { reason, detail: '' } }];
      }
      case 'disconnect':
        return [
          {
            $case: 'terminated',
            value: { reason: TerminationReason.TERMINATION_REASON_DISCONNECTED, detail: '' },
          },
        ];
      default:
        return [];
    }
  };

  const consumer: ConsumerHandle = await consume(bus, {
    stream: streams.callCommands.name,
    durable: 'call-control-participant',
    filterSubjects: [subjectWildcards.callCommands],
    codec: protoCodec(CallCommand),
    handler: async (command) => {
      commands.push(command);
      if (applied.has(command.commandId)) return 'ack'; // idempotent by command id
      applied.add(command.commandId);
      const events = outcomeOf(command);
      await outcomes.perform(command, async () => {
        for (const [n, payload] of events.entries()) {
          await append(command.callId, `${command.commandId}/${n}`, command.commandId, payload);
        }
      });
      return 'ack';
    },
  });

  return {
    commands,
    outcomes,
    startCall: async (callId, handler) => {
      const started = callStarted(callId, handler);
      const again = options.duplicateEvents?.(callId) ?? false;
      const subject = subjects.callEvents(callId);
      await publishOutcome(bus, subject, codec, started, started.eventId, again);
    },
    hangUp: (callId) =>
      append(callId, `${callId}:hung-up`, '', {
        $case: 'terminated',
        value: { reason: TerminationReason.TERMINATION_REASON_CALLER_HUNG_UP, detail: '' },
      }),
    pressKey: (callId, digit) =>
      append(callId, `${callId}:dtmf:${digit}`, '', {
        $case: 'dtmfReceived',
        value: { digit, durationMs: 120 },
      }),
    stop: () => consumer.stop(),
  };
};
