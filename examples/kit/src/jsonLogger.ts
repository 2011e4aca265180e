import type { WarmlineLogger } from '@warmline/sdk';

/** JSON lines on stderr for an example's process: static messages, data in fields. */
export function jsonLogger(example: string, debug = false): WarmlineLogger {
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    console.error(JSON.stringify({ level, example, message, ...fields }));
  return {
    debug: debug ? line('debug') : () => undefined,
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
  };
}
