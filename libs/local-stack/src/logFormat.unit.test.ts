import { formatLogLine, logLevelOf } from './logFormat';

describe('formatLogLine', () => {
  it('unpacks a pino line: time, prefix, level, message, then the other fields', () => {
    const time = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
    const line = JSON.stringify({
      level: 30,
      time,
      pid: 1,
      hostname: 'h',
      service: 'stt',
      replicaId: 'r-1',
      msg: 'stt started',
    });
    expect(formatLogLine('stt', line, 12)).toBe(
      '03:04:05.678 [stt]          INFO  stt started replicaId=r-1',
    );
  });

  it('shows nested fields as JSON and unknown levels as they are', () => {
    const line = JSON.stringify({ level: 35, time: 0, msg: 'x', err: { code: 'E' } });
    expect(formatLogLine('gateway', line)).toBe('00:00:00.000 [gateway] 35    x err={"code":"E"}');
  });

  it('keeps a line that is not JSON, with the prefix', () => {
    expect(formatLogLine('tts', 'tts failed to start: boom')).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} \[tts\] tts failed to start: boom$/,
    );
    expect(formatLogLine('tts', '{not json')).toMatch(/\[tts\] \{not json$/);
  });
});

describe('logLevelOf', () => {
  it('reads the level of a pino line and nothing from other lines', () => {
    expect(logLevelOf('{"level":50,"msg":"x"}')).toBe(50);
    expect(logLevelOf('plain text')).toBeUndefined();
  });
});
