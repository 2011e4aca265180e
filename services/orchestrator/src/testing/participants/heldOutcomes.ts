/**
 * Lets a test hold back what a participant does in answer to some messages (the event it would
 * publish), to kill the orchestrator in between, then let it happen while the orchestrator is down.
 */
export interface HeldOutcomes<T> {
  /** From now on, hold the outcome of every message matching `predicate` (all when omitted). */
  hold(predicate?: (message: T) => boolean): void;
  /** Stops holding and performs the held outcomes, in arrival order. */
  release(): Promise<void>;
  /** Performs `outcome` now, or keeps it for {@link release} if `message` is held. */
  perform(message: T, outcome: () => Promise<void>): Promise<void>;
  /** How many outcomes are held. */
  readonly heldCount: number;
}

/** A fresh {@link HeldOutcomes}: nothing held. */
export const heldOutcomes = <T>(): HeldOutcomes<T> => {
  let predicate: ((message: T) => boolean) | undefined;
  const held: (() => Promise<void>)[] = [];
  return {
    hold: (match = () => true) => {
      predicate = match;
    },
    release: async () => {
      predicate = undefined;
      for (let next = held.shift(); next; next = held.shift()) await next();
    },
    perform: async (message, outcome) => {
      if (predicate?.(message)) held.push(outcome);
      else await outcome();
    },
    get heldCount() {
      return held.length;
    },
  };
};
