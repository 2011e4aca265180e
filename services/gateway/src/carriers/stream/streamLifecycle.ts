import type { StreamEvent, StreamStarted } from './streamEvent';
import { StreamProtocolError } from './streamProtocolError';

/** Where a stream is in its documented life: connected → start → media… → stop. */
export type StreamPhase = 'opening' | 'connected' | 'started' | 'stopped';

/**
 * Checks the order of a stream's events and that every frame after `start`
 * names the same stream. `connected` is optional (some stacks omit it) but can
 * only come first; `start` comes once, before any media, DTMF or mark; nothing
 * follows `stop`. Pure.
 */
export class StreamLifecycle {
  private current: StreamPhase = 'opening';
  private started: StreamStarted | undefined;

  /** Where the stream is. */
  get phase(): StreamPhase {
    return this.current;
  }

  /** The `start` event, once it came. */
  get start(): StreamStarted | undefined {
    return this.started;
  }

  /**
   * Accepts the next event or refuses it.
   *
   * @throws {@link StreamProtocolError} `UNEXPECTED_EVENT` or `WRONG_STREAM`.
   */
  accept(event: StreamEvent): StreamEvent {
    if (this.current === 'stopped') this.unexpected(event, 'after stop');
    switch (event.kind) {
      case 'connected':
        if (this.current !== 'opening') this.unexpected(event, 'twice or after start');
        this.current = 'connected';
        return event;
      case 'start':
        if (this.current === 'started') this.unexpected(event, 'twice');
        this.current = 'started';
        this.started = event;
        return event;
      case 'error':
        return event; // a carrier may report an error at any point
      case 'media':
      case 'dtmf':
      case 'mark':
      case 'stop':
        if (this.current !== 'started') this.unexpected(event, 'before start');
        this.checkStream(event.kind, event.streamId);
        if (event.kind === 'stop') this.current = 'stopped';
        return event;
    }
  }

  private checkStream(kind: string, streamId: string | undefined): void {
    if (streamId !== undefined && streamId !== this.started!.streamId) {
      throw new StreamProtocolError('WRONG_STREAM', `${kind} frame names another stream`, kind);
    }
  }

  private unexpected(event: StreamEvent, when: string): never {
    throw new StreamProtocolError('UNEXPECTED_EVENT', `${event.kind} frame ${when}`, event.kind);
  }
}
