import { concat, frames, mix, noise, silence, syllables, tone } from '../../testSupport/signals';
import { CallTurnTaking } from './callTurnTaking';
import type { TurnEffect } from './turnEffects';

/** Feeds a signal frame by frame; `during` runs before each frame (to play agent audio, give partials). */
const feed = (
  core: CallTurnTaking,
  signal: Int16Array,
  during?: (atMs: number) => void,
): TurnEffect[] =>
  frames(signal).flatMap((frame, i) => {
    during?.(i * 20);
    return core.audio(frame, i * 20);
  });

const withoutAudio = (effects: TurnEffect[]): TurnEffect[] =>
  effects.filter((e) => e.type !== 'recognize');

const onLine = (speech: Int16Array): Int16Array => mix(noise(speech.length / 16, -60, 11), speech);

describe('CallTurnTaking', () => {
  it('opens a turn at speech onset with a pre-roll and ends it 700 ms after the caller stops', () => {
    const core = new CallTurnTaking('call-1');
    const effects = feed(core, onLine(concat(silence(1000), syllables(6, -20), silence(1200))));
    const speechEnd = 1000 + 6 * 240 - 60;
    expect(withoutAudio(effects)).toEqual([
      { type: 'turn-started', turnId: 'call-1:1000', startMs: 1000, agentSpeaking: false },
      {
        type: 'turn-ended',
        turnId: 'call-1:1000',
        startMs: 1000,
        endMs: speechEnd,
        reason: 'silence',
      },
    ]);
    const audio = effects.filter((e) => e.type === 'recognize');
    expect(audio[0]).toMatchObject({ type: 'recognize', turnId: 'call-1:1000' });
    expect(audio[0]?.type === 'recognize' && audio[0].frames.length).toBe(15); // 300 ms pre-roll incl. onset
    expect(
      core.transcript('call-1:1000', {
        text: 'hello there',
        confidence: 0.8,
        keywordHit: undefined,
      }),
    ).toEqual({
      type: 'transcribed',
      turnId: 'call-1:1000',
      text: 'hello there',
      confidence: 0.8,
      keywordHit: undefined,
      startMs: 1000,
      endMs: speechEnd,
    });
  });

  it('lets a short acknowledgement pass while the agent talks, and does not answer it', () => {
    const core = new CallTurnTaking('call-2');
    core.agentPlayback('utt-1');
    const uhHuh = concat(tone(160, -20, 220), silence(60), tone(160, -20, 260)); // 380 ms
    const effects = withoutAudio(feed(core, onLine(concat(silence(600), uhHuh, silence(1000)))));
    expect(effects.map((e) => e.type)).toEqual(['turn-started', 'turn-ended']);
    expect(core.agentSpeaking).toBe('utt-1');
    expect(
      core.transcript(effects[0]!.turnId, {
        text: 'uh-huh',
        confidence: 0.9,
        keywordHit: undefined,
      }),
    ).toEqual({
      type: 'backchannel',
      turnId: effects[0]!.turnId,
      text: 'uh-huh',
    });
  });

  it('barges in once real speech passes 400 ms while the agent talks (engine without partials)', () => {
    const core = new CallTurnTaking('call-3');
    core.agentPlayback('utt-9');
    const effects = withoutAudio(
      feed(core, onLine(concat(silence(500), syllables(8, -20), silence(900)))),
    );
    expect(effects.map((e) => e.type)).toEqual(['turn-started', 'barged-in', 'turn-ended']);
    const bargeIn = effects[1]!;
    expect(bargeIn).toMatchObject({ type: 'barged-in', utteranceId: 'utt-9' });
    // the first frame end at which more than 400 ms of speech has been heard
    expect(bargeIn.type === 'barged-in' && bargeIn.atMs).toBe(500 + 420);
    expect(core.agentSpeaking).toBeUndefined();
    expect(
      core.transcript(bargeIn.turnId, { text: 'yeah', confidence: 0.5, keywordHit: undefined })
        .type,
    ).toBe('transcribed');
  });

  it('does not count the sentence the caller finished before the agent began as barge-in', () => {
    const core = new CallTurnTaking('call-5');
    const sentenceEndMs = 1000 + 6 * 240 - 60;
    const replyStartsMs = sentenceEndMs + 460; // inside the 700 ms end-of-turn silence
    const effects = withoutAudio(
      feed(core, onLine(concat(silence(1000), syllables(6, -20), silence(1500))), (atMs) => {
        if (atMs === replyStartsMs) core.agentPlayback('reply-1');
      }),
    );
    expect(effects.map((e) => e.type)).toEqual(['turn-started', 'turn-ended']);
    expect(core.agentSpeaking).toBe('reply-1');
  });

  it('still barges in when the caller speaks again over the agent before the turn ended', () => {
    const core = new CallTurnTaking('call-6');
    const sentenceEndMs = 1000 + 4 * 240 - 60;
    const effects = withoutAudio(
      feed(
        core,
        onLine(
          concat(silence(1000), syllables(4, -20), silence(400), syllables(8, -20), silence(900)),
        ),
        (atMs) => {
          if (atMs === sentenceEndMs + 200) core.agentPlayback('reply-2');
        },
      ),
    );
    expect(effects.map((e) => e.type)).toEqual(['turn-started', 'barged-in', 'turn-ended']);
    expect(effects[1]).toMatchObject({ type: 'barged-in', utteranceId: 'reply-2' });
  });

  it('with partials: a long "yeah okay" does not interrupt, "hold on a second" does', () => {
    const speech = onLine(concat(silence(500), syllables(5, -20), silence(900)));
    for (const [text, expected] of [
      ['yeah okay', false],
      ['hold on a second', true],
    ] as const) {
      const core = new CallTurnTaking('call-4', { expectPartials: true });
      core.agentPlayback('utt-2');
      let turnId: string | undefined;
      const effects = frames(speech).flatMap((frame, i) => {
        const out = core.audio(frame, i * 20);
        turnId ??= out.find((e) => e.type === 'turn-started')?.turnId;
        if (turnId && i * 20 >= 900) core.partial(turnId, text);
        return out;
      });
      expect([text, effects.some((e) => e.type === 'barged-in')]).toEqual([text, expected]);
    }
  });

  it('forgets a turn with too little speech', () => {
    const core = new CallTurnTaking('call-5');
    const effects = withoutAudio(
      feed(
        core,
        onLine(concat(silence(500), syllables(1, -20).subarray(0, 16 * 120), silence(1000))),
      ),
    );
    expect(effects.map((e) => e.type)).toEqual(['turn-started', 'turn-discarded']);
    expect(
      core.transcript(effects[0]!.turnId, { text: 'x', confidence: 1, keywordHit: undefined }).type,
    ).toBe('empty');
  });
});
