import { FliteSynthesizer } from '@warmline/example-kit';
import { LocalCallRig, type RigOptions } from '@warmline/example-kit/testing';
import { type VoicemailDeps, runVoicemail } from '../app';
import { parseBusinessHours } from '../domain/businessHours';
import { MongoVoicemailStore } from '../mongoVoicemailStore';

/**
 * The rig (with its recogniser) and the voicemail app on it, open `mon-fri 09:00-17:00 UTC`;
 * `deps` sets the clock, the notifier, the ring time.
 */
export const startVoicemailRig = (
  options: Omit<RigOptions, 'recognizer'>,
  deps: Pick<VoicemailDeps, 'clock' | 'notify' | 'ringTimeSeconds'>,
): Promise<LocalCallRig> =>
  LocalCallRig.start({ ...options, recognizer: true }, (r) => {
    runVoicemail({
      client: r.client,
      recognizer: r.recognizer!,
      synthesizer: new FliteSynthesizer({ sampleRate: 16000 }),
      store: new MongoVoicemailStore(r.db),
      hours: parseBusinessHours('mon-fri 09:00-17:00 UTC'),
      ...deps,
    });
  });
