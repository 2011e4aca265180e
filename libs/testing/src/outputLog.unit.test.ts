import { createOutputLog, type OutputLine } from './outputLog';

describe('createOutputLog', () => {
  it('joins lines split across chunks, per stream, and strips \\r', () => {
    const log = createOutputLog();
    const seen: OutputLine[] = [];
    log.onLine((line) => seen.push(line));

    log.push('stdout', 'rea');
    log.push('stderr', 'warn: x\r\n');
    log.push('stdout', 'dy\nsecond\nthi');
    log.end('stdout');

    expect(seen).toEqual([
      { stream: 'stderr', text: 'warn: x' },
      { stream: 'stdout', text: 'ready' },
      { stream: 'stdout', text: 'second' },
      { stream: 'stdout', text: 'thi' },
    ]);
    expect(log.lines()).toEqual(seen);
    expect(log.text()).toBe('reawarn: x\r\ndy\nsecond\nthi');
  });

  it('keeps only the newest text and lines, and stops calling an unsubscribed listener', () => {
    const log = createOutputLog({ maxChars: 5, maxLines: 2 });
    const seen: string[] = [];
    const unsubscribe = log.onLine((line) => seen.push(line.text));

    log.push('stdout', 'a\nb\n');
    unsubscribe();
    log.push('stdout', 'c\n');

    expect(seen).toEqual(['a', 'b']);
    expect(log.lines().map((line) => line.text)).toEqual(['b', 'c']);
    expect(log.text()).toBe('\nb\nc\n'.slice(-5));
  });
});
