import type { GatewayFrame } from './callerTypes';

/** The identity of one simulated call on the carrier side. */
export interface CallIdentity {
  readonly streamId: string;
  readonly carrierCallId: string;
  readonly accountId: string;
  readonly from: string;
  readonly to: string;
  readonly customParameters: Readonly<Record<string, string>>;
  readonly encoding: string;
  readonly sampleRate: number;
  readonly streamingToken?: string;
}

/** A carrier's frames as documented, from the carrier's side of the socket. */
export interface CallerDialect {
  connected(): object;
  start(sequence: number): object;
  media(sequence: number, chunk: number, timestampMs: number, payload: string): object;
  dtmf(sequence: number, digit: string): object;
  /** The echo of a mark the gateway sent, once the audio before it played. */
  markEcho(sequence: number, name: string): object;
  stop(sequence: number): object;
  /** Reads a frame from the gateway; a string describes why it breaks the carrier's protocol. */
  parse(text: string): GatewayFrame | string;
}

/** Reads one JSON object or says why not. */
export const jsonObject = (text: string): Record<string, unknown> | string => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : 'not a JSON object';
  } catch {
    return 'not JSON';
  }
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The gateway's media/mark/clear frame as carriers document it (`streamSid` checked by the caller). */
export const parseGatewayFrame = (frame: Record<string, unknown>): GatewayFrame | string => {
  const nested = (key: string): Record<string, unknown> | undefined => {
    const value = frame[key];
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  };
  switch (frame['event']) {
    case 'media': {
      const payload = nested('media')?.['payload'];
      if (typeof payload !== 'string' || payload.length % 4 !== 0 || !BASE64.test(payload)) {
        return 'media frame without a base64 media.payload';
      }
      return { kind: 'media', payload: new Uint8Array(Buffer.from(payload, 'base64')) };
    }
    case 'mark': {
      const name = nested('mark')?.['name'];
      return typeof name === 'string' && name !== ''
        ? { kind: 'mark', name }
        : 'mark frame without mark.name';
    }
    case 'clear':
      return { kind: 'clear' };
    default:
      return `event ${JSON.stringify(frame['event'])} is not one the carrier accepts`;
  }
};
