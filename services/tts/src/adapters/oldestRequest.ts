import type { Bus } from '@warmline/bus';
import { subjects } from '@warmline/contracts';

/**
 * Looks up the stream sequence of a call's oldest request still in the work
 * queue (not yet acked or terminated, wherever it is being handled), with a
 * direct get (`next_by_subj`); undefined when there is none.
 */
export const oldestRequestLookup =
  (bus: Bus, stream: string) =>
  async (callId: string): Promise<number | undefined> => {
    const message = await bus.jsm.direct.getMessage(stream, {
      seq: 1,
      next_by_subj: subjects.speak(callId),
    });
    return message?.seq;
  };
