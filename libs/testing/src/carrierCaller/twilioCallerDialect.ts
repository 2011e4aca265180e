import {
  type CallIdentity,
  type CallerDialect,
  jsonObject,
  parseGatewayFrame,
} from './callerDialect';

/**
 * Twilio Media Streams from Twilio's side (bidirectional `<Connect><Stream>`):
 * camelCase, numbers as strings, `streamSid` on every frame after `connected`;
 * the gateway's frames must name the same `streamSid`.
 */
export const twilioCallerDialect = (call: CallIdentity): CallerDialect => ({
  connected: () => ({ event: 'connected', protocol: 'Call', version: '1.0.0' }),
  start: (sequence) => ({
    event: 'start',
    sequenceNumber: String(sequence),
    start: {
      accountSid: call.accountId,
      streamSid: call.streamId,
      callSid: call.carrierCallId,
      tracks: ['inbound'],
      customParameters: call.customParameters,
      mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
    },
    streamSid: call.streamId,
  }),
  media: (sequence, chunk, timestampMs, payload) => ({
    event: 'media',
    sequenceNumber: String(sequence),
    media: { track: 'inbound', chunk: String(chunk), timestamp: String(timestampMs), payload },
    streamSid: call.streamId,
  }),
  dtmf: (sequence, digit) => ({
    event: 'dtmf',
    streamSid: call.streamId,
    sequenceNumber: String(sequence),
    dtmf: { track: 'inbound_track', digit },
  }),
  markEcho: (sequence, name) => ({
    event: 'mark',
    sequenceNumber: String(sequence),
    streamSid: call.streamId,
    mark: { name },
  }),
  stop: (sequence) => ({
    event: 'stop',
    sequenceNumber: String(sequence),
    streamSid: call.streamId,
    stop: { accountSid: call.accountId, callSid: call.carrierCallId },
  }),
  parse: (text) => {
    const frame = jsonObject(text);
    if (typeof frame === 'string') return frame;
    if (frame['streamSid'] !== call.streamId) return "frame without this stream's streamSid";
    return parseGatewayFrame(frame);
  },
});
