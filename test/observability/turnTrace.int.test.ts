import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Bus, connectBus } from '@warmline/bus';
import { ConversationEvent, KeywordHit } from '@warmline/contracts';
import {
  DEFAULT_CARRIER_ACCOUNT,
  type LocalStack,
  type LocalTwilioCarrier,
  type PhoneCall,
  SERVICE_NAMES,
  type ServiceName,
  startLocalStack,
  startLocalTwilioCarrier,
} from '@warmline/local-stack';
import { freePorts, loadCallerAudio, waitFor } from '@warmline/testing';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from './otlpReceiver';

const CALL_ID = 'warmline.call.id';
const STAGE = 'warmline.stage';

/** The stages of one answered caller turn, in the order the turn passes them. */
const TURN_STAGES = [
  ['gateway', 'gateway.caller-turn'],
  ['stt', 'stt.recognise'],
  ['llm-decision', 'llm-decision.decide'],
  ['tts', 'tts.speak'],
  ['gateway', 'gateway.play'],
] as const;

const contract = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../deploy/observability/metrics.json'), 'utf8'),
) as Record<string, Record<string, string> | string>;
const contractNames = Object.entries(contract)
  .filter(([key]) => !key.startsWith('_'))
  .flatMap(([, group]) => Object.keys(group as Record<string, string>))
  .filter((name) => !name.startsWith('nats_'));

/** `service metric{labels}: mean over n` for each contract histogram series in a scrape. */
const histogramMeans = (service: string, text: string): string[] =>
  [...text.matchAll(/^(warmline_[a-z_]+_ms)_sum\{([^}]*)\} (\S+)$/gm)].map(
    ([, name, labels, sum]) => {
      const count = new RegExp(
        `^${name}_count\\{${labels!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\} (\\S+)$`,
        'm',
      ).exec(text)?.[1];
      const hop = /from="([^"]+)",to="([^"]+)"/.exec(labels!);
      const label = hop ? `{${hop[1]}→${hop[2]}}` : '';
      return `  ${service} ${name}${label}: ${(Number(sum) / Number(count)).toFixed(1)} over ${count}`;
    },
  );

/** Metric family names a Prometheus text exposition declares (`# TYPE <name> …`). */
const declaredMetrics = (text: string): string[] =>
  [...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!);

/**
 * One call turn through the real services (local stack: nats-server, FerretDB and the seven
 * services as processes), each exporting OTLP/HTTP to a loopback receiver: the caller's words
 * travel gateway → stt → llm-decision → tts → gateway as one trace, every span of which names
 * the call and its stage. Each service's ops port is scraped too: ready, and together they
 * export every metric of deploy/observability/metrics.json.
 */
describe('one call turn is one trace across the stages', () => {
  let receiver: OtlpReceiver;
  let carrier: LocalTwilioCarrier;
  let stack: LocalStack;
  let bus: Bus;
  let call: PhoneCall | undefined;
  const opsPorts = new Map<ServiceName, number>();
  const events: ConversationEvent[] = [];
  const audioDir = mkdtempSync(path.join(tmpdir(), 'warmline-trace-'));

  const say = (text: string, name: string): Int16Array => {
    const file = path.join(audioDir, `${name}.wav`);
    execFileSync('flite', ['-voice', 'rms', '-t', text, '-o', file]);
    return loadCallerAudio(file, 8000);
  };

  const metricsOf = async (service: ServiceName): Promise<string> =>
    (await fetch(`http://127.0.0.1:${opsPorts.get(service)}/metrics`)).text();

  /** Waits until the caller has heard the agent and the line has been quiet for a while. */
  const waitForAgentToFinish = async (phone: PhoneCall, atLeast: number): Promise<void> => {
    let last = -1;
    await waitFor(
      () => {
        const heard = phone.heardFrames().length;
        const settled = heard > atLeast && heard === last;
        last = heard;
        return settled ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 1_500, describe: () => 'the agent to finish speaking' },
    );
  };

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const ports = await freePorts(SERVICE_NAMES.length);
    SERVICE_NAMES.forEach((name, i) => opsPorts.set(name, ports[i]!));
    const env = Object.fromEntries(
      SERVICE_NAMES.map((name) => [
        name,
        {
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
          OTEL_BSP_SCHEDULE_DELAY: '250',
          METRICS_PORT: String(opsPorts.get(name)),
        },
      ]),
    );
    carrier = await startLocalTwilioCarrier(DEFAULT_CARRIER_ACCOUNT);
    stack = await startLocalStack({ carrierApiBaseUrl: carrier.baseUrl, env, logs: 'silent' });
    bus = await connectBus({ servers: stack.natsUrl, name: 'observability-test' });
    bus.nc.subscribe('evt.conversation.>', {
      callback: (_error, msg) => {
        events.push(ConversationEvent.decode(msg.data));
      },
    });
  }, 180_000);

  afterAll(async () => {
    await call?.hangUp().catch(() => undefined);
    await bus?.close();
    await stack?.stop();
    await carrier?.close();
    await receiver?.stop();
    rmSync(audioDir, { recursive: true, force: true });
  });

  it('every service is ready on its ops port', async () => {
    for (const service of SERVICE_NAMES) {
      const response = await fetch(`http://127.0.0.1:${opsPorts.get(service)}/readyz`);
      expect({ service, status: response.status }).toEqual({ service, status: 200 });
    }
  });

  it('a caller turn is one trace: gateway → stt → llm-decision → tts → gateway, call id and stage on every span', async () => {
    call = await carrier.placeCall(stack.gateway!.twilioStreamUrl);
    await waitForAgentToFinish(call, 10); // the greeting
    const heardBefore = call.heardFrames().length;
    await call.say(say('Why is my bill so high this month?', 'bill'));

    const transcribed = await waitFor(
      () => events.find((e) => e.payload?.$case === 'transcribed'),
      { timeoutMs: 30_000, describe: () => 'the caller turn transcribed' },
    );
    const callId = transcribed.callId;
    const turnId =
      transcribed.payload?.$case === 'transcribed' ? transcribed.payload.value.turnId : '';
    await waitForAgentToFinish(call, heardBefore); // the reply

    const trace = await waitFor(
      () => {
        const recognise = receiver.spans.find(
          (s) => s.name === 'stt.recognise' && s.attributes['warmline.turn.id'] === turnId,
        );
        if (!recognise) return undefined;
        const spans = receiver.spans.filter((s) => s.traceId === recognise.traceId);
        return spans.some((s) => s.name === 'gateway.play') ? spans : undefined;
      },
      {
        timeoutMs: 30_000,
        intervalMs: 250,
        describe: () =>
          `the turn's trace with a gateway.play span; spans so far: ${[
            ...new Set(receiver.spans.map((s) => `${s.service}:${s.name}`)),
          ].join(', ')}; refused: ${receiver.refused.join('; ')}`,
      },
    );

    // Every stage is in the trace, and each stage's span starts after the one before it.
    const stageSpans = TURN_STAGES.map(([service, name]) => {
      const span = trace.find((s) => s.service === service && s.name === name);
      expect({ service, name, found: span !== undefined }).toEqual({ service, name, found: true });
      return span as ReceivedSpan;
    });
    for (let i = 1; i < stageSpans.length; i++) {
      expect(stageSpans[i]!.startNs).toBeGreaterThanOrEqual(stageSpans[i - 1]!.startNs);
    }
    // One trace: all the turn's spans share one root, the gateway's caller turn.
    const roots = trace.filter((s) => !trace.some((p) => p.spanId === s.parentSpanId));
    expect(roots.map((s) => s.name)).toEqual(['gateway.caller-turn']);
    // The four stages are in it; other followers of the conversation stream (orchestrator,
    // context-store) join the same trace when they read the turn's events.
    expect([...new Set(trace.map((s) => s.service))]).toEqual(
      expect.arrayContaining(['gateway', 'stt', 'llm-decision', 'tts']),
    );
    // The call id and the stage on every span of the trace.
    const unlabelled = trace
      .filter((s) => s.attributes[CALL_ID] !== callId || s.attributes[STAGE] !== s.service)
      .map(
        (s) =>
          `${s.service}:${s.name} ${String(s.attributes[CALL_ID])}/${String(s.attributes[STAGE])}`,
      );
    expect(unlabelled).toEqual([]);
  });

  it('a request for a human is flagged by stt (keyword_hit) and the escalation is counted', async () => {
    const phone = call!;
    await phone.say(say('I want to speak to a human please.', 'human'));
    const flagged = await waitFor(
      () =>
        events.find(
          (e) =>
            e.payload?.$case === 'transcribed' &&
            e.payload.value.keywordHit === KeywordHit.KEYWORD_HIT_HUMAN_REQUEST,
        ),
      { timeoutMs: 30_000, describe: () => 'a transcript flagged as a human request' },
    );
    expect(flagged.callId).toBeTruthy();
    await waitFor(
      async () =>
        /^warmline_escalations_total\{[^}]*\} [1-9]/m.test(await metricsOf('orchestrator'))
          ? true
          : undefined,
      { timeoutMs: 90_000, intervalMs: 1_000, describe: () => 'warmline_escalations_total > 0' },
    );
  });

  it('together the services export every metric of the contract (metrics.json)', async () => {
    const exported = new Map<string, ServiceName[]>();
    const figures: string[] = [];
    for (const service of SERVICE_NAMES) {
      const text = await metricsOf(service);
      for (const name of declaredMetrics(text)) {
        exported.set(name, [...(exported.get(name) ?? []), service]);
      }
      figures.push(...histogramMeans(service, text));
    }
    // Figures of this run (not asserted: timings depend on the machine).
    process.stdout.write(`per-turn means on this run (ms):\n${figures.join('\n')}\n`);
    expect(contractNames.filter((name) => !exported.has(name))).toEqual([]);
    expect(exported.get('warmline_calls_active')).toEqual(['gateway']);
    expect(exported.get('warmline_stt_calls_active')).toEqual(['stt']);
    expect(exported.get('warmline_turn_platform_overhead_ms')?.sort()).toEqual(
      ['gateway', 'llm-decision', 'stt', 'tts'].sort(),
    );
  });
});
