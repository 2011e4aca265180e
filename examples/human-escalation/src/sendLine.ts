import { setTimeout as sleep } from 'node:timers/promises';
import type { ActiveCall } from '@warmline/sdk';
import type { SpeechSynthesizer } from './engines/speechSynthesizer';

/** Synthesises `text`, queues it on the call and waits until the platform has taken all of it. */
export async function sendLine(
  call: ActiveCall,
  synthesizer: SpeechSynthesizer,
  text: string,
): Promise<void> {
  await call.sendAudio(await synthesizer.synthesize(text));
  while (call.state !== 'DISCONNECTED' && call.getSendAudioBufferSize() > 0) await sleep(50);
}
