import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What a baresip instance sends into its calls. */
export type BaresipAudioSource =
  | { readonly kind: 'sine'; readonly hz: number }
  /** A WAV file: 8 kHz mono 16-bit (the call ends when it ends). */
  | { readonly kind: 'file'; readonly path: string };

/** Settings of one baresip instance (see /work/shared/reference/sip-test-peers.md). */
export interface BaresipConfigOptions {
  /** Account user (`sip:<user>@127.0.0.1:<port>`). */
  readonly user: string;
  readonly sipPort: number;
  readonly ctrlPort: number;
  readonly source: BaresipAudioSource;
  /** `auto` answers at once; `manual` rings until `accept` or `hangup`. */
  readonly answerMode: 'auto' | 'manual';
  /** Codecs in preference order; default `pcmu`. */
  readonly codecs?: readonly ('pcmu' | 'pcma')[];
  /** Seconds an incoming call rings before 486 (0 = forever). */
  readonly callLocalTimeout?: number;
  /** Close a call after this many seconds without RTP (default off). */
  readonly rtpTimeout?: number;
}

/** The two files baresip reads, written into `dir` (with `dir/rec` for sndfile recordings). */
export const writeBaresipConfig = (dir: string, o: BaresipConfigOptions): string => {
  const recordings = path.join(dir, 'rec');
  mkdirSync(recordings, { recursive: true });
  const source =
    o.source.kind === 'sine'
      ? [`audio_source ausine,${o.source.hz}`, 'ausrc_srate 48000', 'ausrc_channels 2']
      : [`audio_source aufile,${o.source.path}`];
  const lines = [
    `sip_listen 127.0.0.1:${o.sipPort}`,
    'net_interface 127.0.0.1',
    'dns_server 127.0.0.1:53',
    `call_local_timeout ${o.callLocalTimeout ?? 0}`,
    'call_max_calls 4',
    ...source,
    'audio_player none,none',
    'audio_alert none,none',
    'module_path /usr/lib/baresip/modules',
    'module g711.so',
    'module aufile.so',
    'module ausine.so',
    'module sndfile.so',
    'module_tmp account.so',
    'module_app menu.so',
    'module_app ctrl_tcp.so',
    `ctrl_tcp_listen 127.0.0.1:${o.ctrlPort}`,
    `snd_path ${recordings}`,
    'statmode_default off',
    ...(o.rtpTimeout ? [`rtp_timeout ${o.rtpTimeout}`] : []),
  ];
  writeFileSync(path.join(dir, 'config'), `${lines.join('\n')}\n`);
  const codecs = (o.codecs ?? ['pcmu']).join(',');
  writeFileSync(
    path.join(dir, 'accounts'),
    `<sip:${o.user}@127.0.0.1:${o.sipPort}>;regint=0;answermode=${o.answerMode};audio_codecs=${codecs};ptime=20\n`,
  );
  return recordings;
};
