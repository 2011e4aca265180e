import { list } from './list';

describe('list()', () => {
  it('splits on commas, trimming items and dropping empty ones', () => {
    expect(list().parse('stt, tts,,llm-decision ')).toEqual(['stt', 'tts', 'llm-decision']);
  });

  it('reads a single item as a one-item list', () => {
    expect(list().parse('nats://127.0.0.1:4222')).toEqual(['nats://127.0.0.1:4222']);
  });

  it('takes a default list', () => {
    expect(list().default(['a']).parse(undefined)).toEqual(['a']);
  });
});
