import { pcmFromBytes, resample } from '@warmline/audio';
import { FliteSynthesizer } from './fliteSynthesizer';

/**
 * Flite speech through a telephone's 8 kHz band, at 16 kHz: what the recogniser should hear once
 * before the first call (see {@link PocketsphinxTranscriber.start}).
 */
export async function warmUpSpeech(): Promise<Int16Array> {
  const phone = new FliteSynthesizer({ sampleRate: 8_000 });
  const narrow = pcmFromBytes(
    await phone.synthesize('Hello. I would like to know more about my account, please.'),
  );
  return resample(narrow, 8_000, 16_000);
}
