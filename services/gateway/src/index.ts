/** @warmline/gateway: SIP and RTP building blocks for the SIP trunk. */
export * from './sip';
export * from './rtp';
export { createApp, type AppDeps, type GatewayApp, type GatewayStats } from './app';
export { readConfig, type GatewayConfig } from './config';
export {
  CallMediaSession,
  type MediaSessionListener,
  type MediaSessionOptions,
} from './media/callMediaSession';
export type { MediaTransport } from './media/mediaTransport';
export { MediaClock, type ClockMember } from './media/clock/mediaClock';
export { clockedPacers, ClockedPacer } from './media/pacing/clockedPacer';
export { payloadCodecFor, type PayloadCodec } from './media/codecs/payloadCodec';
export { twilioDialect } from './carriers/twilio/twilioDialect';
export { telnyxDialect } from './carriers/telnyx/telnyxDialect';
export {
  StreamProtocolError,
  type StreamProtocolErrorCode,
} from './carriers/stream/streamProtocolError';
export type { StreamCommand, StreamDialect, StreamEvent } from './carriers/stream/streamEvent';
export { twilioSignature, isValidTwilioSignature } from './security/twilioSignature';
