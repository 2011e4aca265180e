import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { initTelemetry } from '../initTelemetry';
import { withSpan } from '../withSpan';
import { createLogger, type LoggerOptions } from './createLogger';

type LogLine = Record<string, unknown>;

/** A logger whose output lands in `lines`, parsed. */
const capture = (options: Partial<LoggerOptions> = {}) => {
  const raw: string[] = [];
  const log = createLogger({
    service: 'logger-test',
    destination: { write: (line: string) => void raw.push(line) },
    ...options,
  });
  const lines = () => raw.map((line) => JSON.parse(line) as LogLine);
  return { log, raw, lines };
};

const CALLER = '+15551234567';
const TRANSCRIPT = 'I want to cancel my order';

describe('createLogger', () => {
  it('writes JSON with the service, the level name, the message and the fields', () => {
    const { log, lines } = capture();
    log.info({ 'warmline.call.id': 'call-1' }, 'call answered');
    expect(lines()[0]).toMatchObject({
      service: 'logger-test',
      level: 'info',
      msg: 'call answered',
      'warmline.call.id': 'call-1',
    });
  });

  it('does not carry one line’s fields into the next', () => {
    const { log, lines } = capture();
    log.info({ 'warmline.call.id': 'call-1' }, 'first');
    log.info('second');
    expect(lines()[1]).not.toHaveProperty('warmline.call.id');
  });

  it('honours the level', () => {
    const { log, lines } = capture({ level: 'warn' });
    log.info('hidden');
    log.warn('shown');
    expect(lines().map((line) => line.msg)).toEqual(['shown']);
  });

  describe('pii fields', () => {
    it('are redacted by default, keeping their names', () => {
      const { log, raw, lines } = capture();
      log.info(
        { pii: { transcript: TRANSCRIPT, callerNumber: CALLER }, turn: 3 },
        'turn transcribed',
      );
      expect(lines()[0]).toMatchObject({
        pii: { transcript: '[redacted]', callerNumber: '[redacted]' },
        turn: 3,
      });
      expect(raw.join('')).not.toContain('cancel');
      expect(raw.join('')).not.toContain('5551234567');
    });

    it('are redacted when pii is a plain value, nested one level, or bound to a child', () => {
      const { log, raw, lines } = capture();
      log.info({ pii: CALLER }, 'a');
      log.info({ turn: { pii: { transcript: TRANSCRIPT } } }, 'b');
      log.child({ pii: { callerNumber: CALLER } }).info('c');
      const [plain, nested, child] = lines();
      expect(plain?.pii).toBe('[redacted]');
      expect(nested?.turn).toEqual({ pii: { transcript: '[redacted]' } });
      expect(child?.pii).toEqual({ callerNumber: '[redacted]' });
      expect(raw.join('')).not.toMatch(/cancel|5551234567/);
    });

    it('are kept when logPii is true', () => {
      const { log, lines } = capture({ logPii: true });
      log.info({ pii: { transcript: TRANSCRIPT } }, 'turn transcribed');
      expect(lines()[0]?.pii).toEqual({ transcript: TRANSCRIPT });
    });
  });

  describe('phone numbers in the message text', () => {
    it('are masked, with or without a fields object', () => {
      const { log, lines } = capture();
      log.info(`call from ${CALLER}`);
      log.warn({ attempt: 2 }, 'dialling 555-123-4567 failed');
      expect(lines().map((line) => line.msg)).toEqual([
        'call from [redacted-number]',
        'dialling [redacted-number] failed',
      ]);
    });

    it('are masked when interpolated into the message', () => {
      const { log, lines } = capture();
      log.info('caller %s hung up after %d s', CALLER, 12);
      expect(lines()[0]?.msg).toBe('caller [redacted-number] hung up after 12 s');
    });

    it('are masked even when logPii is true', () => {
      const { log, lines } = capture({ logPii: true });
      log.info(`call from ${CALLER}`);
      expect(lines()[0]?.msg).toBe('call from [redacted-number]');
    });
  });

  it('adds trace_id and span_id of the active span, and nothing outside spans', async () => {
    const telemetry = await initTelemetry({
      serviceName: 'logger-test',
      spanExporter: new InMemorySpanExporter(),
    });
    try {
      const { log, lines } = capture();
      log.info('before');
      const span = await withSpan('turn', {}, (active) => {
        log.info('inside');
        return active.spanContext();
      });
      const [before, inside] = lines();
      expect(before).not.toHaveProperty('trace_id');
      expect(inside).toMatchObject({ trace_id: span.traceId, span_id: span.spanId });
    } finally {
      await telemetry.shutdown();
    }
  });
});
