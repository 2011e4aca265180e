import { randomInt } from 'node:crypto';
import { type LocalMediaConfig, PCMA, PCMU, type SdpSession, serializeSdp } from '../sip';

/** Our SDP settings for one leg: G.711 (PCMU preferred), telephone-event, 20 ms. */
export const localMediaConfig = (address: string, port: number, version = 1): LocalMediaConfig => ({
  address,
  port,
  codecs: [PCMU, PCMA],
  telephoneEvents: '0-15',
  ptime: 20,
  origin: {
    username: 'warmline',
    sessionId: String(randomInt(1, 2 ** 47)),
    sessionVersion: String(version),
  },
});

/** The same session with a new version (a re-INVITE answer must bump o= version, RFC 3264 §8). */
export const nextVersion = (config: LocalMediaConfig): LocalMediaConfig => ({
  ...config,
  origin: { ...config.origin, sessionVersion: String(Number(config.origin.sessionVersion) + 1) },
});

/** A session description as a SIP message body. */
export const sdpBody = (sdp: SdpSession): Uint8Array => Buffer.from(serializeSdp(sdp), 'utf8');
