import type { LocalEngineSpec } from './localEngineSpec';

/**
 * eSpeak NG 1.51 (Debian `espeak-ng`): a formant synthesiser, the fastest
 * engine here but robotic (the speech recogniser measured in the dependency
 * probe could not read it). It streams 22 050 Hz WAV to stdout while it
 * synthesises; text goes in on stdin so it can never be read as an option.
 */
export const espeakNgSpec: LocalEngineSpec = {
  name: 'espeak-ng',
  binary: 'espeak-ng',
  voices: ['en-us', 'en-gb', 'en', 'en-us+f3', 'en-gb+f3', 'en-029', 'en-gb-x-rp'],
  defaultVoice: 'en-us',
  command: (binary, text, voice) => ({
    binary,
    args: ['--stdout', '-v', voice],
    stdin: text,
    output: 'stdout',
  }),
};
