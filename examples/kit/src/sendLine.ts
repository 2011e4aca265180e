import { setTimeout as sleep } from 'node:timers/promises';
import type { ActiveCall } from '@warmline/sdk';
import type { SpeechSynthesizer } from './engines/speechSynthesizer';

/** After the audio's own duration, this much more for the platform's and carrier's buffers. */
const PLAYOUT_MARGIN_MS = 250;

/**
 * Synthesises `text`, queues it on the call and waits until it has played: until the platform has
 * taken all of it, and at least the audio's duration (plus a small margin) since it was queued,
 * since the platform plays it in real time. Then a `connect()` or `disconnect()` does not cut it.
 */
export async function sendLine(
  call: ActiveCall,
  synthesizer: SpeechSynthesizer,
  text: string,
): Promise<void> {
  const audio = await synthesizer.synthesize(text);
  const playsUntil = Date.now() + (audio.byteLength / 2 / synthesizer.sampleRate) * 1000;
  await call.sendAudio(audio);
  while (call.state !== 'DISCONNECTED' && call.getSendAudioBufferSize() > 0) await sleep(50);
  const left = playsUntil + PLAYOUT_MARGIN_MS - Date.now();
  if (call.state !== 'DISCONNECTED' && left > 0) await sleep(left);
}
