/** What a pino level number is called. */
const LEVELS: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/** pino's own fields, shown elsewhere in the line or not at all. */
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service', 'v']);

const clock = (time: unknown): string => {
  const date = typeof time === 'number' ? new Date(time) : new Date();
  return date.toISOString().slice(11, 23);
};

const value = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Turns one output line of a service into a readable, prefixed line:
 * `12:00:01.234 [stt] INFO  stt started replicaId=…`. A pino JSON line is unpacked (level, time,
 * message, then its other fields as key=value); any other line is kept as it is.
 */
export const formatLogLine = (service: string, line: string, width = service.length): string => {
  const prefix = `[${service}]`.padEnd(width + 2);
  if (!line.startsWith('{')) return `${clock(undefined)} ${prefix} ${line}`;
  let record: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
    record = parsed as Record<string, unknown>;
  } catch {
    return `${clock(undefined)} ${prefix} ${line}`;
  }
  const level = LEVELS[Number(record.level)] ?? value(record.level ?? '');
  const fields = Object.entries(record)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, v]) => `${key}=${value(v)}`);
  const msg = typeof record.msg === 'string' ? record.msg : '';
  return [`${clock(record.time)} ${prefix} ${level.padEnd(5)} ${msg}`, ...fields].join(' ');
};

/** The level number of a pino JSON line, or undefined for any other line. */
export const logLevelOf = (line: string): number | undefined => {
  if (!line.startsWith('{')) return undefined;
  const match = /"level":(\d+)/.exec(line);
  return match ? Number(match[1]) : undefined;
};
