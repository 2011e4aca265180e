import {
  type CallIdentity,
  type CallerDialect,
  jsonObject,
  parseGatewayFrame,
} from './callerDialect';

/**
 * Telnyx media streaming from Telnyx's side: snake_case, numbers as strings,
 * `stream_id` on every frame after `connected`, the streaming auth token in
 * the `connected` frame when one is configured.
 */
export const telnyxCallerDialect = (call: CallIdentity): CallerDialect => ({
  connected: () => ({
    event: 'connected',
    version: '1.0.0',
    ...(call.streamingToken === undefined
      ? {}
      : { connected: { 'x-telnyx-streaming-auth-token': call.streamingToken } }),
  }),
  start: (sequence) => ({
    event: 'start',
    sequence_number: String(sequence),
    stream_id: call.streamId,
    start: {
      user_id: call.accountId,
      call_control_id: call.carrierCallId,
      call_session_id: `session-${call.carrierCallId}`,
      from: call.from,
      to: call.to,
      tags: [],
      client_state: Buffer.from('warmline test caller').toString('base64'),
      custom_parameters: call.customParameters,
      media_format: { encoding: call.encoding, sample_rate: call.sampleRate, channels: 1 },
    },
  }),
  media: (sequence, chunk, timestampMs, payload) => ({
    event: 'media',
    sequence_number: String(sequence),
    media: { track: 'inbound', chunk: String(chunk), timestamp: String(timestampMs), payload },
    stream_id: call.streamId,
  }),
  dtmf: (sequence, digit) => ({
    event: 'dtmf',
    sequence_number: String(sequence),
    stream_id: call.streamId,
    dtmf: { digit },
  }),
  markEcho: (sequence, name) => ({
    event: 'mark',
    sequence_number: String(sequence),
    stream_id: call.streamId,
    mark: { name },
  }),
  stop: (sequence) => ({
    event: 'stop',
    sequence_number: String(sequence),
    stream_id: call.streamId,
    stop: { user_id: call.accountId, call_control_id: call.carrierCallId },
  }),
  parse: (text) => {
    const frame = jsonObject(text);
    return typeof frame === 'string' ? frame : parseGatewayFrame(frame);
  },
});
