import { ProviderError } from '../../domain/decision/decisionErrors';
import type { ModelOutput } from '../../domain/decision/interpretModelOutput';
import { type JsonObject, isJsonObject } from '../../domain/prompt/jsonValue';
import { arrayAt, objectAt, parseArguments, parseEventObject, stringAt } from '../http/parseJson';

interface ToolCallSlot {
  id: string;
  name: string;
  args: string;
}

/**
 * Assembles streamed tool calls: a call's id and name come in its first fragment and its
 * JSON arguments in pieces across later ones, all keyed by `index`. Some local servers reuse
 * index 0 for parallel calls; a new id at a known index starts a new call.
 */
class ToolCallAssembler {
  private readonly slots: ToolCallSlot[] = [];
  private readonly byIndex = new Map<number, ToolCallSlot>();

  add(fragment: JsonObject, position: number): void {
    const index = typeof fragment.index === 'number' ? fragment.index : position;
    const id = stringAt(fragment, 'id') ?? '';
    const fn = objectAt(fragment, 'function') ?? {};
    let slot = this.byIndex.get(index);
    if (slot === undefined || (id !== '' && slot.id !== '' && id !== slot.id)) {
      slot = { id, name: '', args: '' };
      this.slots.push(slot);
      this.byIndex.set(index, slot);
    }
    if (slot.id === '') slot.id = id;
    if (slot.name === '') slot.name = stringAt(fn, 'name') ?? '';
    slot.args += stringAt(fn, 'arguments') ?? '';
  }

  calls(): ModelOutput['toolCalls'] {
    return this.slots
      .filter((slot) => slot.name !== '')
      .map((slot) => ({ name: slot.name, args: parseArguments(slot.args) }));
  }
}

/**
 * Reads a chat-completions event stream (`data: {"choices":[{"delta":{...}}]}` chunks until
 * `data: [DONE]`) into the model's text and tool calls. Chunks without choices (usage) are
 * skipped; an `error` chunk or a stream that ends before `[DONE]` is a `ProviderError`.
 */
export async function readOpenAiStream(
  provider: string,
  events: AsyncIterable<string>,
): Promise<ModelOutput> {
  let text = '';
  const tools = new ToolCallAssembler();
  for await (const data of events) {
    if (data.trim() === '[DONE]') return { text, toolCalls: tools.calls() };
    const chunk = parseEventObject(provider, data);
    if (chunk.error !== undefined) {
      throw new ProviderError(provider, 'failed', 'the stream reported an error');
    }
    const choice = arrayAt(chunk, 'choices')[0];
    const delta = isJsonObject(choice) ? objectAt(choice, 'delta') : undefined;
    if (delta === undefined) continue;
    text += stringAt(delta, 'content') ?? '';
    arrayAt(delta, 'tool_calls').forEach((fragment, position) => {
      if (isJsonObject(fragment)) tools.add(fragment, position);
    });
  }
  throw new ProviderError(provider, 'protocol', 'the stream ended without [DONE]');
}
