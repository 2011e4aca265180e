/** Milliseconds from a monotonic high-resolution clock (`process.hrtime`), never wall time. */
export const monotonicNowMs = (): number => Number(process.hrtime.bigint()) / 1e6;
