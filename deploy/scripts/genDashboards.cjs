// Writes the Grafana dashboards in observability/grafana/dashboards from this one
// description, so panels stay uniform. Run: node deploy/scripts/genDashboards.cjs
const fs = require('node:fs');
const path = require('node:path');

const out = path.join(__dirname, '..', 'observability', 'grafana', 'dashboards');
const ds = { type: 'prometheus', uid: 'prometheus' };
let id = 0;

const panel = (title, unit, targets, w = 12) => ({
  id: ++id,
  title,
  type: 'timeseries',
  datasource: ds,
  gridPos: { h: 8, w, x: ((id - 1) % 2) * 12, y: Math.floor((id - 1) / 2) * 8 },
  fieldConfig: { defaults: { unit }, overrides: [] },
  targets: targets.map(([expr, legendFormat], i) => ({
    refId: String.fromCharCode(65 + i),
    datasource: ds,
    expr,
    legendFormat,
  })),
});
const quantiles = (metric) =>
  [0.5, 0.95, 0.99].map((q) => [
    `histogram_quantile(${q}, sum by (le) (rate(${metric}_bucket[5m])))`,
    `p${Math.round(q * 100)}`,
  ]);
const dashboard = (uid, title, panels) => ({
  uid,
  title,
  tags: ['warmline'],
  schemaVersion: 39,
  version: 1,
  editable: false,
  time: { from: 'now-1h', to: 'now' },
  refresh: '10s',
  panels,
});

id = 0;
const latency = dashboard('warmline-latency', 'Warmline: per-stage latency', [
  panel(
    'End of speech to transcript (stt)',
    'ms',
    quantiles('warmline_stt_end_of_speech_to_transcript_ms'),
  ),
  panel('Transcript to reply (llm-decision)', 'ms', quantiles('warmline_llm_decision_latency_ms')),
  panel('Reply to first audio (tts)', 'ms', quantiles('warmline_tts_first_audio_ms')),
  // Recorded per hop between stages (labels from, to); a turn's overhead is the sum of its hops.
  panel('Platform overhead per turn (bus and queues between stages)', 'ms', [
    [
      'sum(sum by (from, to) (rate(warmline_turn_platform_overhead_ms_sum[5m])) / sum by (from, to) (rate(warmline_turn_platform_overhead_ms_count[5m])))',
      'mean per turn (sum of hops)',
    ],
    [
      'histogram_quantile(0.95, sum by (le, from, to) (rate(warmline_turn_platform_overhead_ms_bucket[5m])))',
      'p95 {{from}} → {{to}}',
    ],
  ]),
  // The gateway's own pacing: how late each outbound 20 ms frame left (the "< 5 ms" criterion).
  panel(
    'Outbound frame lateness (gateway pacing)',
    'ms',
    quantiles('warmline_gateway_outbound_lateness_ms'),
  ),
]);
id = 0;
const calls = dashboard('warmline-calls', 'Warmline: calls and escalations', [
  panel('Concurrent calls', 'short', [
    ['sum(warmline_calls_active)', 'calls'],
    ['warmline_calls_active', '{{pod}}'],
  ]),
  panel('Escalations by reason and outcome (per 5m)', 'short', [
    [
      'sum by (reason, outcome) (increase(warmline_escalations_total[5m]))',
      '{{reason}} / {{outcome}}',
    ],
  ]),
]);
id = 0;
const lag = dashboard('warmline-lag', 'Warmline: consumer lag (what each stage scales on)', [
  panel('Pending per consumer', 'short', [
    [
      'sum by (stream_name, consumer_name) (nats_consumer_num_pending)',
      '{{stream_name}} / {{consumer_name}}',
    ],
  ]),
  panel('Ack pending per consumer', 'short', [
    [
      'sum by (stream_name, consumer_name) (nats_consumer_num_ack_pending)',
      '{{stream_name}} / {{consumer_name}}',
    ],
  ]),
]);

for (const d of [latency, calls, lag]) {
  fs.writeFileSync(path.join(out, `${d.uid}.json`), JSON.stringify(d, null, 2) + '\n');
}
