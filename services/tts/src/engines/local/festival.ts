import type { LocalEngineSpec } from './localEngineSpec';

/**
 * Festival 2.5 `text2wave` with `festvox-kallpc16k` (16 kHz diphone voice
 * `kal_diphone`). Every run starts a Scheme interpreter and loads the voice,
 * which costs most of a second per segment. Writes to a path (FIFO as stdout);
 * text on stdin. The voice name is from the fixed list, never from a request,
 * before it reaches `-eval`.
 */
export const festivalSpec: LocalEngineSpec = {
  name: 'festival',
  binary: 'text2wave',
  voices: ['kal_diphone'],
  defaultVoice: 'kal_diphone',
  command: (binary, text, voice) => ({
    binary,
    args: ['-o', '/dev/stdout', '-eval', `(voice_${voice})`],
    stdin: text,
    output: 'fifo',
  }),
};
