import { RecognizerProtocolError } from '../../errors';
import { deepgramEvent } from './deepgramMessages';
import { deepgramListenUrl, DEFAULT_DEEPGRAM_OPTIONS } from './deepgramOptions';

const results = (isFinal: boolean, transcript: string): string =>
  JSON.stringify({
    type: 'Results',
    channel_index: [0, 1],
    duration: 1.5,
    start: 2.25,
    is_final: isFinal,
    speech_final: isFinal,
    channel: {
      alternatives: [
        {
          transcript,
          confidence: 0.93,
          words: [
            {
              word: 'operator',
              start: 2.5,
              end: 3.0,
              confidence: 0.9,
              punctuated_word: 'operator.',
            },
          ],
        },
      ],
    },
    metadata: {
      request_id: 'r',
      model_info: { name: 'n', version: 'v', arch: 'a' },
      model_uuid: 'u',
    },
  });

describe('Deepgram live messages', () => {
  it('maps interim results to partials and final results to finals with timing and the keyword flag', () => {
    expect(deepgramEvent(results(false, 'get me'))).toEqual({
      type: 'partial',
      text: 'get me',
      audioMs: 3750,
    });
    expect(deepgramEvent(results(true, 'Get me an operator.'))).toEqual({
      type: 'final',
      text: 'Get me an operator.',
      confidence: 0.93,
      startMs: 2250,
      endMs: 3750,
      words: [{ word: 'operator.', startMs: 2500, endMs: 3000, confidence: 0.9 }],
      keywordHit: 'human-request',
    });
  });

  it('skips empty results and the other message types', () => {
    expect(deepgramEvent(results(true, ''))).toBeUndefined();
    expect(deepgramEvent(results(false, ' '))).toBeUndefined();
    expect(deepgramEvent('{"type":"Metadata","request_id":"r"}')).toBeUndefined();
    expect(deepgramEvent('{"type":"SpeechStarted","timestamp":1.2}')).toBeUndefined();
    expect(deepgramEvent('{"type":"UtteranceEnd","last_word_end":2.1}')).toBeUndefined();
  });

  it('refuses broken messages with a typed error', () => {
    expect(() => deepgramEvent('{oops')).toThrow(RecognizerProtocolError);
    expect(() =>
      deepgramEvent('{"type":"Results","start":0,"duration":1,"channel":{"alternatives":[]}}'),
    ).toThrow(RecognizerProtocolError);
  });

  it('asks for raw 16 kHz linear16 mono with interim results', () => {
    const url = new URL(deepgramListenUrl(DEFAULT_DEEPGRAM_OPTIONS));
    expect(url.origin + url.pathname).toBe('wss://api.deepgram.com/v1/listen');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      encoding: 'linear16',
      sample_rate: '16000',
      channels: '1',
      interim_results: 'true',
      endpointing: '300',
      model: 'nova-3',
    });
  });
});
