import {
  CallerListener,
  type ListenerOptions,
  type SpeechRecognizer,
  type SpeechSynthesizer,
  handOff,
  isHangUp,
  replyIntent,
  sendLine,
} from '@warmline/example-kit';
import { type ActiveCall, type WarmlineClient, type WarmlineLogger, events } from '@warmline/sdk';
import {
  type BookingState,
  type BookingStore,
  type HandoffReason,
  START,
  type Slot,
  lines,
  nextMove,
  spokenSlot,
} from './domain/booking';

/** What {@link runBooking} needs. */
export interface BookingDeps {
  readonly client: WarmlineClient;
  readonly recognizer: SpeechRecognizer;
  readonly synthesizer: SpeechSynthesizer;
  readonly store: BookingStore;
  /** The business's time zone for saying times; default UTC. */
  readonly timeZone?: string;
  /** How many slots are offered at most; default 3. */
  readonly maxOffers?: number;
  /** How long to wait for each reply; default 10 s. */
  readonly replyTimeoutMs?: number;
  readonly ringTimeSeconds?: number;
  readonly listener?: ListenerOptions;
  readonly clock?: () => Date;
  readonly logger?: WarmlineLogger;
}

/** How a call ended. */
export type BookingOutcome =
  | { readonly kind: 'booked'; readonly slotId: string }
  | { readonly kind: 'handoff'; readonly reason: HandoffReason; readonly connected: boolean }
  | { readonly kind: 'hung-up' };

/**
 * One call: answer, identify the caller by number, offer free slots one by one, book the one
 * they accept and confirm it, then disconnect. Unknown callers, no free slots, "none of those",
 * asking for a person, or replies not understood twice: hand off to a human (connect, close).
 */
export async function handleCall(call: ActiveCall, deps: BookingDeps): Promise<BookingOutcome> {
  const listener = new CallerListener(call, deps.recognizer, deps.listener);
  const handoff = async (reason: HandoffReason, data: Record<string, string> = {}) => {
    const result = await handOff(call, deps.synthesizer, {
      line: lines.handoff[reason],
      unansweredLine: lines.unanswered,
      ringTimeSeconds: deps.ringTimeSeconds,
      handoffData: { reason, ...data },
    });
    return { kind: 'handoff', reason, connected: result === 'connected' } as const;
  };
  try {
    await call.answer();
    const customer = await deps.store.findCustomer(call.callerNumber);
    if (!customer) return await handoff('unknown-caller');
    let slots: Slot[] = await deps.store.freeSlots(
      (deps.clock ?? (() => new Date()))(),
      deps.maxOffers ?? 3,
    );
    if (!slots.length) return await handoff('no-slots', { customer: customer.phone });
    const say = (slot: Slot) => spokenSlot(slot.startsAt, deps.timeZone ?? 'UTC');
    await sendLine(call, deps.synthesizer, lines.firstOffer(customer.name, say(slots[0]!)));
    let state: BookingState = START;
    for (;;) {
      const reply = await listener.next(deps.replyTimeoutMs ?? 10_000);
      if (reply === undefined && call.state === 'DISCONNECTED') return { kind: 'hung-up' };
      const decided = nextMove(
        state,
        reply === undefined ? undefined : replyIntent(reply),
        slots.length,
      );
      state = decided.state;
      const { move } = decided;
      if (move.kind === 'handoff') return await handoff(move.reason, { customer: customer.phone });
      const slot = slots[move.index]!;
      if (move.kind === 'offer') {
        await sendLine(
          call,
          deps.synthesizer,
          move.again ? lines.again(say(slot)) : lines.nextOffer(say(slot)),
        );
        continue;
      }
      if (await deps.store.book(slot.id, customer.phone)) {
        await sendLine(call, deps.synthesizer, lines.booked(say(slot)));
        await call.disconnect();
        return { kind: 'booked', slotId: slot.id };
      }
      // Taken meanwhile: drop it and offer the next one.
      slots = slots.filter((s) => s.id !== slot.id);
      if (!slots.length) return await handoff('no-slots', { customer: customer.phone });
      state = { offered: Math.min(move.index, slots.length - 1), unclear: 0 };
      await sendLine(
        call,
        deps.synthesizer,
        `${lines.taken} ${lines.nextOffer(say(slots[state.offered]!))}`,
      );
    }
  } catch (error) {
    if (isHangUp(error, call)) return { kind: 'hung-up' };
    throw error;
  } finally {
    await listener.stop();
  }
}

/** Registers the booking handler on `deps.client`; returns a function that removes it. */
export function runBooking(deps: BookingDeps): () => void {
  const onCall = async (call: ActiveCall): Promise<void> => {
    try {
      const outcome = await handleCall(call, deps);
      deps.logger?.info('booking call handled', { callId: call.callId, outcome: outcome.kind });
    } catch (error) {
      deps.logger?.error('booking call failed', { callId: call.callId, error: String(error) });
      if (call.state !== 'DISCONNECTED') await call.disconnect().catch(() => undefined);
    }
  };
  deps.client.on(events.INCOMING_CALL, onCall);
  return () => void deps.client.off(events.INCOMING_CALL, onCall);
}
