import { latenessBetween, parseBuckets } from './gatewayLateness';

const page = (counts: number[]) =>
  [
    '# HELP warmline_gateway_outbound_lateness_ms x',
    ...['1', '5', '20', '+Inf'].map(
      (le, i) => `warmline_gateway_outbound_lateness_ms_bucket{le="${le}"} ${counts[i]}`,
    ),
    'warmline_gateway_outbound_lateness_ms_count 0',
  ].join('\n');

describe('gateway lateness from two scrapes', () => {
  it('reads cumulative buckets and places p50/p99 in the window', () => {
    const before = parseBuckets(page([10, 10, 10, 10]));
    const after = parseBuckets(page([60, 108, 110, 110]));
    expect(after.get(Infinity)).toBe(110);
    // 100 frames in the window: 50 ≤ 1 ms, 98 ≤ 5 ms, 100 ≤ 20 ms
    expect(latenessBetween(before, after)).toEqual({ n: 100, p50AtMostMs: 1, p99AtMostMs: 20 });
  });

  it('gives NaN when no frame was sent', () => {
    const same = parseBuckets(page([3, 3, 3, 3]));
    expect(latenessBetween(same, same).n).toBe(0);
    expect(latenessBetween(same, same).p99AtMostMs).toBeNaN();
  });
});
