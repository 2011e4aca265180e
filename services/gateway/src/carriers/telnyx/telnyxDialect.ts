import { FieldReader, parseJsonObject } from '../stream/jsonFields';
import type {
  StreamCommand,
  StreamDialect,
  StreamEvent,
  StreamMediaFormat,
} from '../stream/streamEvent';
import { StreamProtocolError } from '../stream/streamProtocolError';

/** The header (and `connected` field) that carries Telnyx's streaming auth token. */
export const TELNYX_TOKEN_HEADER = 'x-telnyx-streaming-auth-token';

const CODEC_RATES: Readonly<Record<string, readonly number[]>> = {
  PCMU: [8000, 16000],
  PCMA: [8000, 16000],
  L16: [8000, 16000, 24000],
};

const mediaFormat = (start: FieldReader): StreamMediaFormat => {
  const format = start.object('media_format');
  const encoding = format.string('encoding');
  const sampleRate = format.count('sample_rate');
  const channels = format.optionalCount('channels') ?? 1;
  const rates = CODEC_RATES[encoding];
  if (!rates?.includes(sampleRate) || channels !== 1) {
    throw new StreamProtocolError(
      'UNSUPPORTED_FORMAT',
      `start frame: ${encoding} at ${sampleRate} Hz with ${channels} channel(s) is not carried (PCMU, PCMA, L16; mono)`,
      'start',
    );
  }
  return { encoding: encoding as StreamMediaFormat['encoding'], sampleRate };
};

const track = (media: FieldReader): 'inbound' | 'outbound' => {
  const value = media.optionalString('track') ?? 'inbound';
  if (value === 'inbound' || value === 'inbound_track') return 'inbound';
  if (value === 'outbound' || value === 'outbound_track') return 'outbound';
  throw new StreamProtocolError(
    'BAD_FRAME',
    'media frame: media.track must be inbound or outbound',
    'media',
  );
};

/** The token in a `connected` frame: `connected["x-telnyx-streaming-auth-token"]` or a top-level field. */
const connectedToken = (frame: FieldReader): string | undefined =>
  frame.optionalObject('connected')?.optionalString(TELNYX_TOKEN_HEADER) ??
  frame.optionalString(TELNYX_TOKEN_HEADER);

const parseEvent = (event: string, frame: FieldReader): StreamEvent => {
  const streamId = frame.optionalString('stream_id');
  switch (event) {
    case 'connected':
      frame.string('version');
      return { kind: 'connected', authToken: connectedToken(frame) };
    case 'start': {
      const start = frame.object('start');
      start.strings('tags'); // documented as an array of strings: refuse anything else
      return {
        kind: 'start',
        streamId: frame.string('stream_id'),
        carrierCallId: start.string('call_control_id'),
        accountId: start.optionalString('user_id') ?? '',
        from: start.optionalString('from'),
        to: start.optionalString('to'),
        customParameters: start.stringMap('custom_parameters'),
        format: mediaFormat(start),
        tracks: ['inbound'],
        clientState: start.optionalString('client_state'),
      };
    }
    case 'media': {
      const media = frame.object('media');
      return {
        kind: 'media',
        streamId,
        track: track(media),
        chunk: media.count('chunk'),
        timestampMs: media.count('timestamp'),
        payload: media.base64('payload'),
      };
    }
    case 'dtmf':
      return { kind: 'dtmf', streamId, digit: frame.object('dtmf').string('digit') };
    case 'mark':
      return { kind: 'mark', streamId, name: frame.object('mark').string('name') };
    case 'stop':
      return { kind: 'stop', streamId };
    case 'error': {
      const payload = frame.optionalObject('payload');
      return {
        kind: 'error',
        streamId,
        code: payload?.optionalScalar('code'),
        title: payload?.optionalString('title'),
        detail: payload?.optionalString('detail'),
      };
    }
    default:
      throw new StreamProtocolError(
        'UNKNOWN_EVENT',
        `unknown Telnyx event "${event.slice(0, 40)}"`,
        event,
      );
  }
};

const serialize = (command: StreamCommand): string => {
  switch (command.kind) {
    case 'media':
      return JSON.stringify({
        event: 'media',
        media: { payload: Buffer.from(command.payload).toString('base64') },
      });
    case 'mark':
      return JSON.stringify({ event: 'mark', mark: { name: command.name } });
    case 'clear':
      return JSON.stringify({ event: 'clear' });
  }
};

/**
 * Telnyx media streaming with `stream_bidirectional_mode: "rtp"`: snake_case
 * JSON frames `connected`, `start` (`media_format` PCMU / PCMA / L16 at 8 or
 * 16 kHz), `media` (base64 RTP payloads without headers; order not
 * guaranteed), `dtmf`, `mark`, `error`, `stop` in; `media`, `mark`, `clear`
 * out (no stream id needed).
 */
export const telnyxDialect: StreamDialect = {
  carrier: 'telnyx',
  parse: (text) => {
    const frame = parseJsonObject(text);
    const event = new FieldReader(frame, 'Telnyx').string('event');
    return parseEvent(event, new FieldReader(frame, event));
  },
  serialize: (command) => serialize(command),
};
