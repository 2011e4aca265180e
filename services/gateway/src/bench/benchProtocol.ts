/** What the gateway process carries: carrier streams with one of the two pacings, or SIP calls. */
export type BenchMode = 'shared-clock' | 'per-call-timer' | 'sip';

/** What the benchmark parent asks of the gateway process. */
export type BenchRequest = { readonly kind: 'report' } | { readonly kind: 'stop' };

/** One measurement window, from inside the gateway process. */
export interface GatewayWindow {
  readonly kind: 'window';
  readonly elapsedMs: number;
  /** CPU time the gateway process used in the window (user + system), ms. */
  readonly cpuMs: number;
  /** Share of the window the event loop was busy (0–1). */
  readonly eventLoopUtilization: number;
  /** Outbound frames sent in the window. */
  readonly frames: number;
  /** |send time − scheduled time| of outbound frames, ms. */
  readonly jitterP50: number;
  readonly jitterP99: number;
  readonly jitterMax: number;
  readonly calls: number;
  /** Time spent in garbage collection in the window, and the longest pause, ms. */
  readonly gcPauseMs: number;
  readonly gcLongestMs: number;
}

/** What the gateway process tells the parent. */
export type BenchReply = { readonly kind: 'ready'; readonly port: number } | GatewayWindow;
