import { type Bus, type StreamSettings, ensureStreams, streamConfigOf } from '@warmline/bus';
import { streams } from '@warmline/contracts';
import { localStreams } from './localTopology';

/**
 * Creates (or updates) the streams the orchestrator reads and writes: the inputs (conversation,
 * call and context events), its own saga stream, the work queues it feeds (call commands, tts),
 * and its timer stream with message schedules enabled (nats-server 2.12+).
 */
export const ensureOrchestratorStreams = async (
  bus: Bus,
  settings: StreamSettings,
): Promise<void> => {
  await ensureStreams(
    bus,
    [
      streams.conversationEvents,
      streams.callEvents,
      streams.contextEvents,
      streams.escalationEvents,
      streams.callCommands,
      streams.speak,
    ],
    settings,
  );
  const timers = { ...streamConfigOf(localStreams.timers, settings), allow_msg_schedules: true };
  try {
    await bus.jsm.streams.add(timers);
  } catch {
    await bus.jsm.streams.update(timers.name, timers); // exists: bring its settings up to date
  }
};
