/** RTP packets, sender/receiver state, jitter and RFC 4733 DTMF events. */
export * from './rtpParseError';
export * from './rtpPacket';
export * from './rtpSender';
export * from './jitter';
export * from './sequenceTracker';
export * from './rtpReceiver';
export * from './telephoneEvent';
export * from './dtmfDetector';
