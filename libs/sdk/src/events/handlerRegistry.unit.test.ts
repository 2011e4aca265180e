import type { LogFields, WarmlineLogger } from '../logger';
import { HandlerRegistry } from './handlerRegistry';

type Events = { tick: [n: number] };

function recordingLogger() {
  const errors: { message: string; fields?: LogFields }[] = [];
  const logger: WarmlineLogger = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (message, fields) => errors.push({ message, fields }),
  };
  return { logger, errors };
}

describe('HandlerRegistry', () => {
  it('runs sync and async handlers with the arguments', async () => {
    const { logger } = recordingLogger();
    const registry = new HandlerRegistry<Events>(logger);
    const seen: string[] = [];
    registry.on('tick', (n) => void seen.push(`sync ${n}`));
    registry.on('tick', async (n) => {
      await Promise.resolve();
      seen.push(`async ${n}`);
    });
    registry.emit('tick', 7);
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['sync 7', 'async 7']);
  });

  it('logs a throwing or rejecting handler and still runs the others', async () => {
    const { logger, errors } = recordingLogger();
    const registry = new HandlerRegistry<Events>(logger, { callId: 'c1' });
    const seen: number[] = [];
    registry.on('tick', () => {
      throw new Error('sync boom');
    });
    registry.on('tick', () => Promise.reject(new Error('async boom')));
    registry.on('tick', (n) => void seen.push(n));
    expect(() => registry.emit('tick', 1)).not.toThrow();
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([1]);
    expect(errors.map((e) => e.fields?.error)).toEqual([
      { name: 'Error', message: 'sync boom' },
      { name: 'Error', message: 'async boom' },
    ]);
    expect(errors[0]?.fields).toMatchObject({ callId: 'c1', event: 'tick' });
  });

  it('removes handlers', () => {
    const registry = new HandlerRegistry<Events>(recordingLogger().logger);
    const seen: number[] = [];
    const handler = (n: number) => void seen.push(n);
    const remove = registry.on('tick', handler);
    registry.emit('tick', 1);
    remove();
    registry.emit('tick', 2);
    expect(seen).toEqual([1]);
    expect(registry.count('tick')).toBe(0);
  });
});
