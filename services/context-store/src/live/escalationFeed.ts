import { type ContextDoc, versionOf } from '../domain';

/** Receives each new version of an escalated call's context. */
export type EscalationListener = (doc: ContextDoc) => void;

/** The in-process feed behind WatchEscalations and the desk's live list. */
export interface EscalationFeed {
  /**
   * Offers the current document of a call after an event was folded (by this process or,
   * found already folded, by another): listeners get it once per version, escalations only.
   */
  offer(doc: ContextDoc | undefined): void;
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: EscalationListener): () => void;
  readonly listenerCount: number;
}

/** How many calls' last versions are remembered to drop repeats. */
const REMEMBERED_CALLS = 10_000;

/**
 * Every replica follows every source stream, so each feeds its own watchers from the events it
 * folds: no change streams (FerretDB has none) and no extra subject. A listener that throws is
 * isolated from the others.
 */
export const createEscalationFeed = (onListenerError: (error: unknown) => void): EscalationFeed => {
  const listeners = new Set<EscalationListener>();
  const lastVersion = new Map<string, number>();
  return {
    offer: (doc) => {
      if (!doc?.escalatedAt) return;
      const version = versionOf(doc.positions);
      if ((lastVersion.get(doc._id) ?? -1) >= version) return;
      lastVersion.delete(doc._id);
      lastVersion.set(doc._id, version);
      if (lastVersion.size > REMEMBERED_CALLS) {
        const oldest = lastVersion.keys().next().value;
        if (oldest !== undefined) lastVersion.delete(oldest);
      }
      for (const listener of listeners) {
        try {
          listener(doc);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get listenerCount() {
      return listeners.size;
    },
  };
};
