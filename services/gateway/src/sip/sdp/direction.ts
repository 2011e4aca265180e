/** Media direction attributes and hold detection (RFC 3264 §5.1, §8.4). */
import type { SdpMedia, SdpSession } from './sdpTypes';

/** A stream's direction from the point of view of the side that wrote the SDP. */
export type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

const DIRECTIONS: readonly Direction[] = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];

function directionIn(attrs: SdpMedia['attributes']): Direction | undefined {
  return DIRECTIONS.find((d) => attrs.some((a) => a.name === d));
}

/** The direction of a media section: its own attribute, else the session's, else sendrecv. */
export function mediaDirection(session: SdpSession, media: SdpMedia): Direction {
  return directionIn(media.attributes) ?? directionIn(session.attributes) ?? 'sendrecv';
}

/** The answer's direction for an offered direction, limited by what this side wants (§6.1). */
export function answerDirection(offered: Direction, local: Direction = 'sendrecv'): Direction {
  const canSend =
    (offered === 'sendrecv' || offered === 'recvonly') &&
    (local === 'sendrecv' || local === 'sendonly');
  const canReceive =
    (offered === 'sendrecv' || offered === 'sendonly') &&
    (local === 'sendrecv' || local === 'recvonly');
  if (canSend && canReceive) return 'sendrecv';
  if (canSend) return 'sendonly';
  if (canReceive) return 'recvonly';
  return 'inactive';
}

/** The media connection address: the section's c= or the session's. */
export function connectionAddress(session: SdpSession, media: SdpMedia): string | undefined {
  return (media.connection ?? session.connection)?.address;
}

/**
 * Whether an (re-)offer puts this side on hold: the peer will not receive our media
 * (a=sendonly or a=inactive, RFC 3264 §8.4) or the old RFC 2543 form c=0.0.0.0.
 */
export function isHold(session: SdpSession, media: SdpMedia): boolean {
  const direction = mediaDirection(session, media);
  const address = connectionAddress(session, media);
  return direction === 'sendonly' || direction === 'inactive' || address === '0.0.0.0';
}
