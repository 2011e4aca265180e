import type { StreamEvent } from './streamEvent';
import { StreamLifecycle } from './streamLifecycle';
import { StreamProtocolError } from './streamProtocolError';

const start: StreamEvent = {
  kind: 'start',
  streamId: 'S1',
  carrierCallId: 'C1',
  accountId: 'A1',
  customParameters: {},
  format: { encoding: 'PCMU', sampleRate: 8000 },
  tracks: ['inbound'],
};
const media = (streamId?: string): StreamEvent => ({
  kind: 'media',
  streamId,
  track: 'inbound',
  chunk: 1,
  timestampMs: 0,
  payload: new Uint8Array(1),
});
const refused = (lifecycle: StreamLifecycle, event: StreamEvent): string => {
  try {
    lifecycle.accept(event);
    return 'accepted';
  } catch (error) {
    return error instanceof StreamProtocolError ? error.code : 'other';
  }
};

describe("a stream's lifecycle", () => {
  it('takes connected → start → media, dtmf, mark → stop', () => {
    const lifecycle = new StreamLifecycle();
    for (const event of [
      { kind: 'connected' } as const,
      start,
      media('S1'),
      { kind: 'mark', name: 'm' } as const,
      { kind: 'stop' } as const,
    ]) {
      lifecycle.accept(event);
    }
    expect(lifecycle.phase).toBe('stopped');
    expect(lifecycle.start).toBe(start);
  });

  it('takes a start without connected', () => {
    expect(refused(new StreamLifecycle(), start)).toBe('accepted');
  });

  it('refuses media before start, a second start or connected, anything after stop, and another stream id', () => {
    expect(refused(new StreamLifecycle(), media())).toBe('UNEXPECTED_EVENT');
    const started = new StreamLifecycle();
    started.accept(start);
    expect(refused(started, start)).toBe('UNEXPECTED_EVENT');
    expect(refused(started, { kind: 'connected' })).toBe('UNEXPECTED_EVENT');
    expect(refused(started, media('S2'))).toBe('WRONG_STREAM');
    expect(refused(started, media(undefined))).toBe('accepted');
    started.accept({ kind: 'stop', streamId: 'S1' });
    expect(refused(started, media('S1'))).toBe('UNEXPECTED_EVENT');
  });

  it('lets a carrier error through at any point', () => {
    expect(refused(new StreamLifecycle(), { kind: 'error', code: '1' })).toBe('accepted');
  });
});
