import { FieldReader, parseJsonObject } from '../stream/jsonFields';
import type {
  StreamCommand,
  StreamDialect,
  StreamEvent,
  StreamMediaFormat,
} from '../stream/streamEvent';
import { StreamProtocolError } from '../stream/streamProtocolError';

/** Twilio sends one audio format on Media Streams: 8 kHz mono μ-law without a header. */
const TWILIO_ENCODING = 'audio/x-mulaw';

const mediaFormat = (start: FieldReader): StreamMediaFormat => {
  const format = start.object('mediaFormat');
  const encoding = format.string('encoding');
  const sampleRate = format.count('sampleRate');
  const channels = format.count('channels');
  if (encoding !== TWILIO_ENCODING || sampleRate !== 8000 || channels !== 1) {
    throw new StreamProtocolError(
      'UNSUPPORTED_FORMAT',
      `start frame: Twilio streams are ${TWILIO_ENCODING} at 8000 Hz mono, got ${encoding} ${sampleRate} Hz ${channels} ch`,
      'start',
    );
  }
  return { encoding: 'PCMU', sampleRate: 8000 };
};

const track = (media: FieldReader): 'inbound' | 'outbound' => {
  const value = media.string('track');
  if (value !== 'inbound' && value !== 'outbound') {
    throw new StreamProtocolError(
      'BAD_FRAME',
      'media frame: media.track must be inbound or outbound',
      'media',
    );
  }
  return value;
};

const parseEvent = (event: string, frame: FieldReader): StreamEvent => {
  switch (event) {
    case 'connected':
      frame.string('protocol');
      frame.string('version');
      return { kind: 'connected' };
    case 'start': {
      const start = frame.object('start');
      const streamId = start.string('streamSid');
      const customParameters = start.stringMap('customParameters');
      return {
        kind: 'start',
        streamId,
        carrierCallId: start.string('callSid'),
        accountId: start.string('accountSid'),
        customParameters,
        format: mediaFormat(start),
        tracks: start.strings('tracks'),
      };
    }
    case 'media': {
      const media = frame.object('media');
      return {
        kind: 'media',
        streamId: frame.string('streamSid'),
        track: track(media),
        chunk: media.count('chunk'),
        timestampMs: media.count('timestamp'),
        payload: media.base64('payload'),
      };
    }
    case 'dtmf':
      return {
        kind: 'dtmf',
        streamId: frame.string('streamSid'),
        digit: frame.object('dtmf').string('digit'),
      };
    case 'mark':
      return {
        kind: 'mark',
        streamId: frame.string('streamSid'),
        name: frame.object('mark').string('name'),
      };
    case 'stop':
      frame.object('stop');
      return { kind: 'stop', streamId: frame.string('streamSid') };
    default:
      throw new StreamProtocolError(
        'UNKNOWN_EVENT',
        `unknown Twilio event "${event.slice(0, 40)}"`,
        event,
      );
  }
};

const serialize = (command: StreamCommand, streamSid: string): string => {
  switch (command.kind) {
    case 'media':
      return JSON.stringify({
        event: 'media',
        streamSid,
        media: { payload: Buffer.from(command.payload).toString('base64') },
      });
    case 'mark':
      return JSON.stringify({ event: 'mark', streamSid, mark: { name: command.name } });
    case 'clear':
      return JSON.stringify({ event: 'clear', streamSid });
  }
};

/**
 * Twilio Media Streams, bidirectional (`<Connect><Stream>`): JSON text frames
 * `connected`, `start` (with `customParameters`), `media` (base64 8 kHz
 * μ-law), `dtmf`, `mark`, `stop` in; `media`, `mark`, `clear` out, each
 * naming the `streamSid`. Numbers arrive as decimal strings.
 */
export const twilioDialect: StreamDialect = {
  carrier: 'twilio',
  parse: (text) => {
    const frame = parseJsonObject(text);
    const event = new FieldReader(frame, 'Twilio').string('event');
    return parseEvent(event, new FieldReader(frame, event));
  },
  serialize,
};
