/** The Warmline services the local stack can run, each as its own process. */
export const SERVICE_NAMES = [
  'call-control',
  'llm-decision',
  'tts',
  'stt',
  'orchestrator',
  'context-store',
  'gateway',
] as const;

/** One of {@link SERVICE_NAMES}. */
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * The order services start in (and stop in reverse): call-control first (it owns the call streams
 * the others read), the gateway last (once it listens, calls can arrive).
 */
export const startOrder = (wanted: readonly ServiceName[]): ServiceName[] =>
  SERVICE_NAMES.filter((name) => wanted.includes(name));

/** True when `name` is a service the local stack knows. */
export const isServiceName = (name: string): name is ServiceName =>
  (SERVICE_NAMES as readonly string[]).includes(name);
