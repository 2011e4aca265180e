import { type WarmlineLogger, describeError } from '../logger';

/** An event handler: sync or async. Its return value is ignored; a rejection is logged. */
export type Handler<TArgs extends readonly unknown[]> = (...args: TArgs) => void | Promise<void>;

/**
 * Handlers per event name. `emit` calls every handler of the event, each in its own turn so
 * one slow or failing handler never blocks or breaks another, and a throwing or rejecting
 * handler is reported to the logger at error level: it never reaches the SDK's own loops.
 */
export class HandlerRegistry<TEvents extends { [K in keyof TEvents]: readonly unknown[] }> {
  private readonly handlers = new Map<keyof TEvents, Set<Handler<never>>>();

  constructor(
    private readonly logger: WarmlineLogger,
    /** Added to every log line about a failing handler. */
    private readonly context: Readonly<Record<string, unknown>> = {},
  ) {}

  /** Adds a handler; returns a function that removes it. */
  on<K extends keyof TEvents>(name: K, handler: Handler<TEvents[K]>): () => void {
    if (typeof handler !== 'function') throw new TypeError('an event handler must be a function');
    let set = this.handlers.get(name);
    if (!set) this.handlers.set(name, (set = new Set()));
    set.add(handler);
    return () => this.off(name, handler);
  }

  /** Removes a handler added with `on`. */
  off<K extends keyof TEvents>(name: K, handler: Handler<TEvents[K]>): void {
    this.handlers.get(name)?.delete(handler);
  }

  /** How many handlers an event has. */
  count<K extends keyof TEvents>(name: K): number {
    return this.handlers.get(name)?.size ?? 0;
  }

  /** Runs every handler of `name` with `args`; never throws. */
  emit<K extends keyof TEvents>(name: K, ...args: TEvents[K]): void {
    const set = this.handlers.get(name);
    if (!set) return;
    for (const handler of [...set]) this.run(name, handler as Handler<TEvents[K]>, args);
  }

  private run<K extends keyof TEvents>(
    name: K,
    handler: Handler<TEvents[K]>,
    args: TEvents[K],
  ): void {
    const fail = (error: unknown): void =>
      this.logger.error('event handler failed', {
        ...this.context,
        event: String(name),
        error: describeError(error),
      });
    try {
      const result = handler(...args);
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  }
}
