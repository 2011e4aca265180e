import { readOpenAiStream } from './openAiStream';

const events = async function* (...items: unknown[]): AsyncGenerator<string> {
  for (const item of items) yield typeof item === 'string' ? item : JSON.stringify(item);
};
const delta = (d: object) => ({ choices: [{ index: 0, delta: d }] });

describe('readOpenAiStream', () => {
  it('keeps parallel calls that reuse index 0 apart by id (Ollama)', async () => {
    const output = await readOpenAiStream(
      'ollama',
      events(
        delta({
          tool_calls: [{ index: 0, id: 'a', function: { name: 'end_call', arguments: '{}' } }],
        }),
        delta({
          tool_calls: [{ index: 0, id: 'b', function: { name: 'other', arguments: '{"x":1}' } }],
        }),
        '[DONE]',
      ),
    );
    expect(output.toolCalls).toEqual([
      { name: 'end_call', args: {} },
      { name: 'other', args: { x: 1 } },
    ]);
  });

  it('reads arguments that are not JSON as no arguments', async () => {
    const output = await readOpenAiStream(
      'openai',
      events(
        delta({ tool_calls: [{ index: 0, id: 'a', function: { name: 'x', arguments: '{"re' } }] }),
        '[DONE]',
      ),
    );
    expect(output.toolCalls).toEqual([{ name: 'x', args: {} }]);
  });

  it('uses the position when a server leaves out the index', async () => {
    const output = await readOpenAiStream(
      'llama.cpp',
      events(
        delta({
          tool_calls: [
            { id: 'a', function: { name: 'one', arguments: '' } },
            { id: 'b', function: { name: 'two' } },
          ],
        }),
        '[DONE]',
      ),
    );
    expect(output.toolCalls.map((c) => c.name)).toEqual(['one', 'two']);
  });
});
