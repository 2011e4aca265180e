import { type Bus, type StreamSettings, ensureStreams, streamConfigOf } from '@warmline/bus';
import { streams } from '@warmline/contracts';
import { localStreams } from './localTopology';

/**
 * Creates (or updates) the streams call-control reads and writes: the call events, the
 * saga's commands, the gateway's signals, the SDK incoming-call work queue, and the ring
 * timer stream with message schedules enabled (nats-server 2.12+).
 */
export async function ensureCallControlStreams(bus: Bus, settings: StreamSettings): Promise<void> {
  await ensureStreams(
    bus,
    [streams.callEvents, streams.callCommands, streams.gatewaySignals, localStreams.sdkIncoming],
    settings,
  );
  const timers = {
    ...streamConfigOf(localStreams.callTimers, settings),
    allow_msg_schedules: true,
  };
  try {
    await bus.jsm.streams.add(timers);
  } catch {
    await bus.jsm.streams.update(timers.name, timers);
  }
}
