import { toneLevel } from '../analysis/goertzel';
import { sine } from '../analysis/sine';
import { AudioFormatError } from '../errors';
import { saturatingMix } from './saturatingMix';
import { MIX_MODES, type MixMode, mixThreeParty } from './threePartyMixer';

type Party = 'caller' | 'callee' | 'agent';

const TONE: Record<Party, number> = { caller: 500, callee: 1100, agent: 1700 };
const RATE = 8000;

const frameOf = (party: Party): Int16Array =>
  sine({ rate: RATE, hz: TONE[party], samples: 160, amplitude: 0.25 });

/** Which parties' tones can be heard in a frame, by Goertzel. */
const heard = (frame: Int16Array | undefined): Party[] => {
  if (!frame) return [];
  const parties: Party[] = ['caller', 'callee', 'agent'];
  for (const party of parties) {
    const level = toneLevel(frame, RATE, TONE[party]);
    // a tone is either clearly there (0.25) or absent; anything in between is a routing bug
    expect(level > 0.2 || level < 0.005).toBe(true);
  }
  return parties.filter((p) => toneLevel(frame, RATE, TONE[p]) > 0.2);
};

const EXPECTED: Record<MixMode, Record<Party, Party[]>> = {
  barge: { caller: ['callee', 'agent'], callee: ['caller', 'agent'], agent: ['caller', 'callee'] },
  whisper: { caller: ['callee'], callee: ['caller', 'agent'], agent: ['caller', 'callee'] },
  spy: { caller: ['callee'], callee: ['caller'], agent: ['caller', 'callee'] },
  bridge: { caller: ['callee'], callee: ['caller'], agent: [] },
};

describe('mixThreeParty', () => {
  it.each(MIX_MODES)('routes each party’s tone to the right ears in %s mode', (mode) => {
    const out = mixThreeParty(
      { caller: frameOf('caller'), callee: frameOf('callee'), agent: frameOf('agent') },
      mode,
      RATE,
    );
    expect({
      caller: heard(out.caller),
      callee: heard(out.callee),
      agent: heard(out.agent),
    }).toEqual(EXPECTED[mode]);
  });

  it('has no agent output once the agent has left (bridge), whatever it sends', () => {
    const out = mixThreeParty({ agent: frameOf('agent') }, 'bridge', RATE);
    expect(out.agent).toBeUndefined();
    expect(out.caller.every((s) => s === 0) && out.callee.every((s) => s === 0)).toBe(true);
  });

  it('treats a missing party as silence', () => {
    const out = mixThreeParty({ callee: frameOf('callee') }, 'barge', RATE);
    expect(heard(out.caller)).toEqual(['callee']);
    expect(heard(out.callee)).toEqual([]);
    expect(heard(out.agent)).toEqual(['callee']);
    expect(out.caller).toHaveLength(160);
  });

  it('never lets anyone hear themselves', () => {
    for (const mode of MIX_MODES) {
      const out = mixThreeParty(
        { caller: frameOf('caller'), callee: frameOf('callee'), agent: frameOf('agent') },
        mode,
        RATE,
      );
      expect(heard(out.caller)).not.toContain('caller');
      expect(heard(out.callee)).not.toContain('callee');
      expect(heard(out.agent)).not.toContain('agent');
    }
  });

  it('works at 16 and 24 kHz frame sizes', () => {
    for (const rate of [16000, 24000]) {
      const caller = sine({ rate, hz: 500, samples: rate / 50, amplitude: 0.25 });
      const out = mixThreeParty({ caller }, 'whisper', rate);
      expect(toneLevel(out.callee, rate, 500)).toBeGreaterThan(0.2);
      expect(out.callee).toHaveLength(rate / 50);
    }
  });

  it('saturates loud sums instead of wrapping around', () => {
    const loud = new Int16Array(160).fill(30000);
    const quietNegative = new Int16Array(160).fill(-30000);
    const out = mixThreeParty({ caller: loud, callee: loud, agent: loud }, 'barge', RATE);
    expect(out.caller.every((s) => s === 32767)).toBe(true);
    const low = mixThreeParty({ caller: quietNegative, callee: quietNegative }, 'spy', RATE);
    expect(low.agent!.every((s) => s === -32768)).toBe(true);
    expect(
      Array.from(
        saturatingMix(3, [new Int16Array([100, -5, 32000]), new Int16Array([1, 5, 1000])]),
      ),
    ).toEqual([101, 0, 32767]);
  });

  it('refuses frames of the wrong length with a typed error', () => {
    expect(() => mixThreeParty({ caller: new Int16Array(159) }, 'barge', RATE)).toThrow(
      AudioFormatError,
    );
    expect(() => mixThreeParty({}, 'barge', 11025)).toThrow(AudioFormatError);
  });
});
