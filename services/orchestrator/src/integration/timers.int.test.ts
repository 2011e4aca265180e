import { type Bus, type ConsumerHandle, connectBus, consume, protoCodec } from '@warmline/bus';
import { EscalationTimerScheduled } from '@warmline/contracts';
import { type NatsServerHandle, startNatsServer, waitFor } from '@warmline/testing';
import { ensureOrchestratorStreams } from '../adapters/nats/ensureOrchestratorStreams';
import { localStreams, localSubjects } from '../adapters/nats/localTopology';
import { createTimerPort } from '../adapters/nats/timerPort';
import { newCallId } from '../testing/world';

let nats: NatsServerHandle;
let bus: Bus;
let consumer: ConsumerHandle | undefined;
const fired: { subject: string; timer: EscalationTimerScheduled }[] = [];

beforeAll(async () => {
  nats = await startNatsServer();
  bus = await connectBus({ servers: nats.url, name: 'timer-test', reconnectTimeWaitMs: 50 });
  await ensureOrchestratorStreams(bus, {});
  consumer = await consume(bus, {
    stream: localStreams.timers.name,
    durable: 'timer-test',
    filterSubjects: [localSubjects.timersFiredWildcard],
    codec: protoCodec(EscalationTimerScheduled),
    handler: async (timer, ctx) => {
      fired.push({ subject: ctx.subject, timer });
      return 'ack';
    },
  });
});
afterAll(async () => {
  await consumer?.stop();
  await bus.close();
  await nats.stop();
});

const firedFor = (timerId: string) => fired.filter((f) => f.timer.timerId === timerId);
const timer = (callId: string, purpose: string, dueAtMs: number) => ({
  timerId: `${callId}:timer:${purpose}`,
  dueAtMs,
  purpose,
});

describe('timers as JetStream message schedules (nats-server 2.12)', () => {
  it('a pending timer survives a nats-server restart and fires once, to its call, with its body', async () => {
    const port = createTimerPort(bus);
    const callId = newCallId('restart');
    const due = timer(callId, 'connect', Date.now() + 2_000);
    await port.scheduleTimer(callId, due);
    await port.scheduleTimer(callId, due); // a re-dispatch: same id, dropped by the stream
    await nats.restart();

    await waitFor(() => (firedFor(due.timerId).length > 0 ? true : undefined), {
      timeoutMs: 20_000,
    });
    expect(firedFor(due.timerId)).toEqual([
      { subject: localSubjects.timerFired(callId), timer: due },
    ]);
    const info = await bus.jsm.streams.info(localStreams.timers.name, { subjects_filter: '>' });
    expect(info.state.messages).toBe(0); // schedule gone, firing consumed
  });

  it('a cancelled timer never fires, while one scheduled after it does', async () => {
    const port = createTimerPort(bus);
    const callId = newCallId('cancel');
    const cancelled = timer(callId, 'announce', Date.now() + 500);
    const kept = timer(callId, 'leave', Date.now() + 1_500);
    await port.scheduleTimer(callId, cancelled);
    await port.scheduleTimer(callId, kept);
    await port.cancelTimer(callId, cancelled.timerId);

    await waitFor(() => (firedFor(kept.timerId).length > 0 ? true : undefined), {
      timeoutMs: 20_000,
    });
    expect(firedFor(cancelled.timerId)).toEqual([]);
    expect(firedFor(kept.timerId)).toHaveLength(1);
  });

  it('a timer already due when scheduled (a late re-dispatch) still fires, once', async () => {
    const port = createTimerPort(bus);
    const callId = newCallId('late');
    const late = timer(callId, 'choice', Date.now() - 60_000);
    await port.scheduleTimer(callId, late);
    await waitFor(() => (firedFor(late.timerId).length > 0 ? true : undefined), {
      timeoutMs: 20_000,
    });
    expect(firedFor(late.timerId)).toHaveLength(1);
  });
});
