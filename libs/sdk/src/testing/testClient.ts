import { WarmlineClient } from '../client/warmlineClient';
import type { SandboxOptions } from '../config/clientOptions';
import { WarmlineClientConfig } from '../config/clientConfig';
import type { LogFields, WarmlineLogger } from '../logger';

/** One line a {@link memoryLogger} kept. */
export interface LogLine {
  readonly level: keyof WarmlineLogger;
  readonly message: string;
  readonly fields: LogFields | undefined;
}

/** A logger that keeps every line, for assertions. */
export function memoryLogger(): { logger: WarmlineLogger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: keyof WarmlineLogger) =>
    (message: string, fields?: LogFields): void => {
      lines.push({ level, message, fields });
    };
  return {
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    lines,
  };
}

/** A sandbox client for tests: fast reconnects, short timeouts. */
export function testClient(address: string, patch: Partial<SandboxOptions> = {}): WarmlineClient {
  return new WarmlineClient(
    WarmlineClientConfig.sandbox({
      apiKey: 'test-key',
      address,
      sampleRate: 16000,
      connectorIds: ['support'],
      commandTimeoutMs: 3_000,
      connectTimeoutMs: 5_000,
      reconnect: { initialDelayMs: 20, maxDelayMs: 200 },
      ...patch,
    }),
  );
}
