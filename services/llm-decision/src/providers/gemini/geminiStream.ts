import { ProviderError } from '../../domain/decision/decisionErrors';
import type { ModelOutput, ModelToolCall } from '../../domain/decision/interpretModelOutput';
import { isJsonObject } from '../../domain/prompt/jsonValue';
import { arrayAt, objectAt, parseEventObject, stringAt } from '../http/parseJson';

/**
 * Reads a `streamGenerateContent?alt=sse` stream: each event is a `GenerateContentResponse`
 * whose `candidates[0].content.parts[]` hold `text` or a complete `functionCall {name, args}`.
 * Thought parts are skipped. The stream simply ends (there is no end marker); a stream with
 * no response at all, an `error` event or a blocked prompt is a `ProviderError`.
 */
export async function readGeminiStream(
  provider: string,
  events: AsyncIterable<string>,
): Promise<ModelOutput> {
  let text = '';
  let responses = 0;
  const toolCalls: ModelToolCall[] = [];
  for await (const data of events) {
    const response = parseEventObject(provider, data);
    responses += 1;
    if (response.error !== undefined) {
      throw new ProviderError(provider, 'failed', 'the stream reported an error');
    }
    const feedback = objectAt(response, 'promptFeedback');
    if (feedback !== undefined && stringAt(feedback, 'blockReason') !== undefined) {
      throw new ProviderError(provider, 'empty', 'the prompt was blocked');
    }
    const candidate = arrayAt(response, 'candidates')[0];
    const content = isJsonObject(candidate) ? objectAt(candidate, 'content') : undefined;
    for (const part of content === undefined ? [] : arrayAt(content, 'parts')) {
      if (!isJsonObject(part) || part.thought === true) continue;
      text += stringAt(part, 'text') ?? '';
      const call = objectAt(part, 'functionCall');
      const name = call === undefined ? undefined : stringAt(call, 'name');
      if (call !== undefined && name !== undefined) toolCalls.push({ name, args: call.args ?? {} });
    }
  }
  if (responses === 0) throw new ProviderError(provider, 'protocol', 'the stream was empty');
  return { text, toolCalls };
}
