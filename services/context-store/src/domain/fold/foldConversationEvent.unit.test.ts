import { EscalationReason } from '@warmline/contracts';
import { eventsFor } from '../../test/events.test';
import { foldDoc, positioned } from '../../test/fold.test';

const T0 = new Date('2029-06-01T10:00:00Z');
const e = eventsFor('call-v', T0);
const fold = (...events: Parameters<typeof e.conversation>[]) =>
  foldDoc(positioned(events.map(([at, payload]) => e.conversation(at, payload))));

describe('foldConversationEvent, one event kind at a time', () => {
  it('speechStarted and speechEnded: nothing but the position', () => {
    const doc = fold(
      [0, { $case: 'speechStarted', value: { turnId: 't' } }],
      [9, { $case: 'speechEnded', value: { turnId: 't' } }],
    );
    expect(doc.turns).toEqual([]);
    expect(doc.timeline).toEqual([]);
  });

  it('transcribed: a caller turn with text, timing and confidence; a repeated final replaces it', () => {
    const doc = fold(
      [
        10,
        {
          $case: 'transcribed',
          value: { turnId: 't1', text: 'first try', confidence: 0.5, startMs: 1, endMs: 2 },
        },
      ],
      [
        20,
        {
          $case: 'transcribed',
          value: { turnId: 't1', text: 'hello there', confidence: 0.9, startMs: 1, endMs: 3 },
        },
      ],
    );
    expect(doc.turns).toEqual([
      {
        turnId: 't1',
        speaker: 'caller',
        text: 'hello there',
        at: new Date(T0.getTime() + 20),
        startMs: 1,
        endMs: 3,
        confidence: 0.9,
      },
    ]);
  });

  it('replied then speechPlayed: the agent turn and what the caller heard of it', () => {
    const doc = fold(
      [
        10,
        {
          $case: 'replied',
          value: {
            turnId: 'a1',
            utteranceId: 'u1',
            text: 'One moment while I check that for you.',
            inReplyToTurnId: 't1',
          },
        },
      ],
      [
        20,
        {
          $case: 'speechPlayed',
          value: {
            utteranceId: 'u1',
            playedMs: 900,
            totalMs: 2000,
            interrupted: true,
            heardText: 'One moment',
          },
        },
      ],
    );
    expect(doc.turns[0]).toMatchObject({
      speaker: 'agent',
      text: 'One moment while I check that for you.',
      utteranceId: 'u1',
      playback: { heardText: 'One moment', playedMs: 900, totalMs: 2000, interrupted: true },
    });
  });

  it('speechPlayed before replied (unusual order): the playback is kept', () => {
    const doc = fold(
      [
        10,
        {
          $case: 'speechPlayed',
          value: { utteranceId: 'u1', playedMs: 900, totalMs: 900, heardText: 'Hello' },
        },
      ],
      [20, { $case: 'replied', value: { turnId: 'a1', utteranceId: 'u1', text: 'Hello' } }],
    );
    expect(doc.turns).toHaveLength(1);
    expect(doc.turns[0]).toMatchObject({ turnId: 'a1', playback: { heardText: 'Hello' } });
  });

  it('speechPlayed of speech that was no reply: an announcement turn the caller heard', () => {
    const doc = fold([
      10,
      {
        $case: 'speechPlayed',
        value: { utteranceId: 'line', playedMs: 2000, totalMs: 2000, heardText: 'Please hold.' },
      },
    ]);
    expect(doc.turns[0]).toMatchObject({
      turnId: 'line',
      speaker: 'agent',
      text: 'Please hold.',
      announcement: true,
    });
  });

  it('escalationRequested: reason, detail, summary, and the first request time kept', () => {
    const doc = fold(
      [
        10,
        {
          $case: 'escalationRequested',
          value: {
            reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
            detail: 'asked',
            summary: 'wants a refund',
            turnId: 't1',
          },
        },
      ],
      [
        90,
        {
          $case: 'escalationRequested',
          value: { reason: EscalationReason.ESCALATION_REASON_OUT_OF_SCOPE, turnId: 't5' },
        },
      ],
    );
    expect(doc.request).toEqual({
      reason: 'ESCALATION_REASON_OUT_OF_SCOPE',
      detail: '',
      summary: '',
      turnId: 't5',
      at: new Date(T0.getTime() + 90),
      firstAt: new Date(T0.getTime() + 10),
    });
    expect(doc.escalatedAt).toEqual(new Date(T0.getTime() + 10));
    expect(doc.escalationReason).toBe('ESCALATION_REASON_OUT_OF_SCOPE');
  });

  describe('the line said on escalating or ending: one turn, with what the caller heard', () => {
    type Step = Parameters<typeof e.conversation>;
    const LINE = 'Let me connect you with a specialist who can help.';
    const asked: Step = [
      10,
      {
        $case: 'transcribed',
        value: { turnId: 't3', text: 'a person please', confidence: 0.9, startMs: 1, endMs: 2 },
      },
    ];
    // llm-decision records the line it decided on, under its own utterance id, and never plays it
    const decided: Step = [
      20,
      {
        $case: 'replied',
        value: { turnId: 'a3', utteranceId: 'u3', text: LINE, inReplyToTurnId: 't3' },
      },
    ];
    // the orchestrator plays the line under its own utterance id
    const played = (heardText: string, interrupted = false): Step => [
      900,
      {
        $case: 'speechPlayed',
        value: {
          utteranceId: 'call-v:utterance:transition',
          playedMs: 2000,
          totalMs: 2600,
          interrupted,
          heardText,
        },
      },
    ];

    it("escalationRequested drops the unplayed reply; the saga's playback is the turn", () => {
      const doc = fold(
        asked,
        decided,
        [21, { $case: 'escalationRequested', value: { reason: 1, turnId: 't3' } }],
        played(LINE),
      );
      expect(doc.turns.map((t) => [t.speaker, t.text])).toEqual([
        ['caller', 'a person please'],
        ['agent', LINE],
      ]);
      expect(doc.turns[1]).toMatchObject({
        announcement: true,
        playback: { heardText: LINE, interrupted: false },
      });
    });

    it('keeps only what was heard when the caller cut the line short', () => {
      const doc = fold(
        asked,
        decided,
        [21, { $case: 'escalationRequested', value: { reason: 1, turnId: 't3' } }],
        played('Let me connect you', true),
      );
      expect(doc.turns.filter((t) => t.speaker === 'agent').map((t) => t.text)).toEqual([
        'Let me connect you',
      ]);
    });

    it('hangupRequested drops the unplayed goodbye reply the same way', () => {
      const doc = fold(asked, decided, [21, { $case: 'hangupRequested', value: { turnId: 't3' } }]);
      expect(doc.turns.map((t) => t.speaker)).toEqual(['caller']);
    });

    it('keeps a reply the caller heard, and replies to other turns', () => {
      const doc = fold(
        asked,
        [
          12,
          {
            $case: 'replied',
            value: { turnId: 'a2', utteranceId: 'u2', text: 'Sure.', inReplyToTurnId: 't2' },
          },
        ],
        [
          13,
          {
            $case: 'replied',
            value: { turnId: 'a3', utteranceId: 'u3', text: 'Hi.', inReplyToTurnId: 't3' },
          },
        ],
        [
          14,
          {
            $case: 'speechPlayed',
            value: { utteranceId: 'u3', playedMs: 1, totalMs: 1, heardText: 'Hi.' },
          },
        ],
        [21, { $case: 'escalationRequested', value: { reason: 1, turnId: 't3' } }],
      );
      expect(doc.turns.map((t) => t.turnId)).toEqual(['t3', 'a2', 'a3']);
    });
  });

  it('hangupRequested and bargedIn: timeline lines', () => {
    const doc = fold(
      [10, { $case: 'bargedIn', value: { utteranceId: 'u1' } }],
      [20, { $case: 'hangupRequested', value: { turnId: 't' } }],
    );
    expect(doc.timeline.map((t) => t.kind)).toEqual([
      'conversation.barged-in',
      'conversation.hangup-requested',
    ]);
    expect(doc.hangupRequestedAt).toEqual(new Date(T0.getTime() + 20));
  });

  it('voicemailRecorded: the recording, its length and a redacted transcript', () => {
    const doc = fold([
      10,
      {
        $case: 'voicemailRecorded',
        value: {
          recordingId: 'r1',
          durationMs: 12_400,
          transcript: 'call me back, my SSN is 123-45-6789',
        },
      },
    ]);
    expect(doc.voicemail).toEqual({
      recordingId: 'r1',
      durationMs: 12_400,
      transcript: 'call me back, my SSN is [SSN redacted]',
      at: new Date(T0.getTime() + 10),
    });
    expect(doc.timeline[0]).toMatchObject({
      kind: 'conversation.voicemail-recorded',
      detail: '12 s',
    });
  });
});
