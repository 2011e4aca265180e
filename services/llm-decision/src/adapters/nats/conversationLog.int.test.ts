import { ConcurrencyError, ensureStreams } from '@warmline/bus';
import { ConversationEvent, streams } from '@warmline/contracts';
import { turnEffects } from '../../domain/session/turnEffects';
import { repliesIn, transcribed } from '../../testSupport/conversationEvents';
import { exampleProfile } from '../../testSupport/decisionContexts';
import { useDecisionBus } from '../../testSupport/decisionHarness';
import { createConversationLog } from './conversationLog';

const replyTo = (event: ConversationEvent, text: string) =>
  turnEffects(
    {
      callId: event.callId,
      transcriptEventId: event.eventId,
      callerTurnId: event.payload?.$case === 'transcribed' ? event.payload.value.turnId : '',
      correlationId: event.callId,
      decision: { kind: 'reply', text },
      provider: 'test',
      fallback: false,
      summary: '',
      cacheable: false,
      nowMs: Date.now(),
    },
    { voice: '', sampleRate: 0 },
  ).events;

const speechPlayed = (callId: string) =>
  ConversationEvent.fromPartial({
    eventId: `${callId}:played`,
    callId,
    payload: { $case: 'speechPlayed', value: { utteranceId: 'u0', playedMs: 900, totalMs: 900 } },
  });

describe('conversationLog', () => {
  const nats = useDecisionBus();

  it('appends over events other producers added meanwhile, but not over another decision', async () => {
    const bus = await nats.connect();
    await ensureStreams(bus, [streams.conversationEvents]);
    const log = createConversationLog(bus, exampleProfile);
    const first = transcribed('call-log', 'turn-1', 'hello');
    await nats.publish(bus, first);
    const loaded = await log.load('call-log');
    expect(loaded.session.pending.has('turn-1')).toBe(true);

    // tts reports playback while the decision is being made: not a conflict.
    await nats.publish(bus, speechPlayed('call-log'));
    await log.append('call-log', replyTo(first, 'Hi there.'), loaded.version);
    // A retry of the same append at the same version (its ack was lost) changes nothing.
    await log.append('call-log', replyTo(first, 'Hi there.'), loaded.version);
    const events = (await nats.conversation(bus, 'call-log')).map((s) => s.event);
    expect(repliesIn(events).map((r) => r.text)).toEqual(['Hi there.']);

    // The same transcript decided by another replica has the same ids: already stored.
    const second = transcribed('call-log', 'turn-2', 'and another thing');
    await nats.publish(bus, second);
    const read = await log.load('call-log');
    await log.append('call-log', replyTo(second, 'From the other replica.'), read.version);
    await log.append('call-log', replyTo(second, 'Mine.'), read.version);
    const texts = repliesIn((await nats.conversation(bus, 'call-log')).map((s) => s.event));
    expect(texts.map((r) => r.text)).toEqual(['Hi there.', 'From the other replica.']);

    // Another turn's decision landed after our read: a conflict, retried from the top.
    const third = transcribed('call-log', 'turn-3', 'one more');
    const fourth = transcribed('call-log', 'turn-4', 'and more');
    await nats.publish(bus, third);
    await nats.publish(bus, fourth);
    const stale = await log.load('call-log');
    await log.append('call-log', replyTo(fourth, 'Other replica.'), stale.version);
    await expect(
      log.append('call-log', replyTo(third, 'Mine.'), stale.version),
    ).rejects.toBeInstanceOf(ConcurrencyError);
  });
});
