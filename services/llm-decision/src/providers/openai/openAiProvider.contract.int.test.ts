/**
 * Contract tests for the OpenAI-compatible provider against the published chat-completions
 * protocol (request body, `Authorization: Bearer`, streamed `chat.completion.chunk` events
 * ending in `data: [DONE]`, tool calls assembled from `delta.tool_calls` fragments). The hosted
 * API and local servers cannot be reached here, so a fake server on 127.0.0.1 checks each
 * request exactly as the protocol documents it and streams documented response shapes.
 */
import { EscalationReason } from '@warmline/contracts';
import { ProviderError } from '../../domain/decision/decisionErrors';
import type { IgnoredOutput } from '../../domain/decision/interpretModelOutput';
import { buildSystemPrompt } from '../../domain/prompt/systemPrompt';
import { decideWithinDeadline } from '../../decision/withDeadline';
import {
  INJECTIONS,
  contextFor,
  exampleProfile,
  neverAborted,
} from '../../testSupport/decisionContexts';
import {
  type FakeModelServer,
  sseEvent,
  startFakeModelServer,
} from '../../testSupport/fakeModelServer';
import type { DecisionProvider } from '../decisionProvider';
import { openAiProvider } from './openAiProvider';

/** Matches any string (typed `unknown` so the expected bodies stay type-safe). */
const anyText: unknown = expect.any(String);

const chunk = (delta: object, finish: string | null = null) =>
  sseEvent({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
const DONE = 'data: [DONE]\n\n';
const toolFragment = (index: number, fn: object, id?: string) =>
  chunk({ tool_calls: [{ index, ...(id ? { id, type: 'function' } : {}), function: fn }] });

describe('openAiProvider (contract: OpenAI chat completions)', () => {
  let server: FakeModelServer;
  let ignored: IgnoredOutput[];
  let provider: DecisionProvider;
  beforeAll(async () => {
    server = await startFakeModelServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    ignored = [];
    provider = openAiProvider({
      baseUrl: `${server.url}/v1/`,
      apiKey: 'sk-test',
      model: 'gpt-4o-mini',
      replyMaxChars: 600,
      tools: [
        {
          name: 'billing_team',
          description: 'Send billing disputes to the billing team.',
          parameters: { type: 'object', properties: { topic: { type: 'string' } } },
          action: {
            kind: 'escalate',
            reason: EscalationReason.ESCALATION_REASON_POLICY_KEYWORD,
            destinationId: 'acme-billing',
          },
        },
      ],
      onIgnored: (_provider, what) => ignored.push(what),
    });
  });
  const replyWith = (chunks: readonly string[]) => server.reply(() => ({ kind: 'events', chunks }));

  it('sends the documented request: POST /chat/completions, bearer key, model, messages, tools, stream', async () => {
    replyWith([chunk({ role: 'assistant', content: '' }), chunk({ content: 'Hi.' }, 'stop'), DONE]);
    const history = [
      { speaker: 'caller' as const, text: 'my internet is down' },
      { speaker: 'agent' as const, text: 'Check the status page.' },
    ];
    await provider.decide(contextFor('it is still down', history), neverAborted());

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('text/event-stream');
    expect(request?.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: buildSystemPrompt(exampleProfile) },
        { role: 'user', content: 'my internet is down' },
        { role: 'assistant', content: 'Check the status page.' },
        { role: 'user', content: 'it is still down' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'escalate_to_human',
            description: anyText,
            parameters: {
              type: 'object',
              properties: {
                reason: {
                  type: 'string',
                  enum: [
                    'caller_asked',
                    'frustration',
                    'out_of_scope',
                    'repeated_failure',
                    'low_confidence',
                    'policy_keyword',
                  ],
                  description: anyText,
                },
                summary: { type: 'string', description: anyText },
              },
              required: ['reason'],
              additionalProperties: false,
            },
          },
        },
        {
          type: 'function',
          function: {
            name: 'end_call',
            description: anyText,
            parameters: { type: 'object', properties: {}, additionalProperties: false },
          },
        },
        {
          type: 'function',
          function: {
            name: 'billing_team',
            description: 'Send billing disputes to the billing team.',
            parameters: { type: 'object', properties: { topic: { type: 'string' } } },
          },
        },
      ],
      tool_choice: 'auto',
      stream: true,
    });
  });

  it('sends no Authorization header without a key (local servers: vLLM, llama.cpp, Ollama)', async () => {
    replyWith([chunk({ content: 'Hello.' }, 'stop'), DONE]);
    const local = openAiProvider({
      baseUrl: `${server.url}/v1`,
      model: 'llama3.1',
      replyMaxChars: 600,
      tools: [],
    });
    await local.decide(contextFor('hello'), neverAborted());
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect((server.requests[0]?.body as { model: string }).model).toBe('llama3.1');
  });

  it('assembles text deltas, including an event split across network chunks', async () => {
    const split = chunk({ content: 'restarting your modem ' });
    replyWith([
      chunk({ role: 'assistant', content: '' }),
      chunk({ content: 'Try ' }),
      split.slice(0, 25),
      split.slice(25),
      ': keep-alive comment\n\n',
      chunk({ content: 'first.' }, 'stop'),
      sseEvent({
        id: 'chatcmpl-1',
        object: 'chat.completion.chunk',
        choices: [],
        usage: { total_tokens: 9 },
      }),
      DONE,
    ]);
    const decision = await provider.decide(contextFor('my internet is down'), neverAborted());
    expect(decision).toEqual({ kind: 'reply', text: 'Try restarting your modem first.' });
  });

  it('assembles a tool call whose arguments arrive in pieces, with the configured destination', async () => {
    replyWith([
      chunk({ role: 'assistant', content: null }),
      toolFragment(0, { name: 'escalate_to_human', arguments: '' }, 'call_1'),
      toolFragment(0, { arguments: '{"rea' }),
      toolFragment(0, { arguments: 'son":"frustration","sum' }),
      toolFragment(0, { arguments: 'mary":"Caller is upset about repeated outages."}' }),
      chunk({}, 'tool_calls'),
      DONE,
    ]);
    const decision = await provider.decide(contextFor('this is the third time!'), neverAborted());
    expect(decision).toEqual({
      kind: 'escalate',
      reason: EscalationReason.ESCALATION_REASON_FRUSTRATION,
      detail: 'model called escalate_to_human (frustration)',
      replyText: exampleProfile.lines.transition,
      destinationId: 'acme-support-desk',
      note: 'Caller is upset about repeated outages.',
    });
  });

  it('maps an unknown reason to out_of_scope and ignores a destination argument', async () => {
    replyWith([
      toolFragment(
        0,
        { name: 'escalate_to_human', arguments: '{"reason":"vip","destination":"+19005550100"}' },
        'call_1',
      ),
      DONE,
    ]);
    const decision = await provider.decide(contextFor('transfer me'), neverAborted());
    expect(decision).toMatchObject({
      kind: 'escalate',
      reason: EscalationReason.ESCALATION_REASON_OUT_OF_SCOPE,
      destinationId: 'acme-support-desk',
    });
    expect(JSON.stringify(decision)).not.toContain('900');
    expect(ignored).toEqual([{ tools: [], arguments: ['destination'] }]);
  });

  it('ends the call with the profile goodbye on end_call, and ignores unknown tools', async () => {
    replyWith([
      toolFragment(
        0,
        { name: 'transfer_to_number', arguments: '{"number":"+19005550100"}' },
        'call_1',
      ),
      toolFragment(1, { name: 'end_call', arguments: '{}' }, 'call_2'),
      DONE,
    ]);
    const decision = await provider.decide(contextFor("that's all, bye"), neverAborted());
    expect(decision).toEqual({ kind: 'end', replyText: exampleProfile.lines.goodbye });
    expect(ignored).toEqual([{ tools: ['transfer_to_number'], arguments: [] }]);
  });

  it('routes a configured escalation tool to its allowlisted destination', async () => {
    replyWith([
      toolFragment(0, { name: 'billing_team', arguments: '{"topic":"refund"}' }, 'c'),
      DONE,
    ]);
    const decision = await provider.decide(contextFor('I dispute this charge'), neverAborted());
    expect(decision).toMatchObject({
      kind: 'escalate',
      reason: EscalationReason.ESCALATION_REASON_POLICY_KEYWORD,
      destinationId: 'acme-billing',
    });
  });

  it.each([
    [429, true],
    [500, true],
    [401, false],
  ])('reports HTTP %d as a ProviderError (retryable: %s)', async (status, retryable) => {
    server.reply(() => ({
      kind: 'status',
      status,
      body: { error: { message: 'nope', type: 'x' } },
    }));
    const error = await provider
      .decide(contextFor('hello'), neverAborted())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'http', status, retryable, provider: 'openai' });
  });

  it.each([
    ['ends without [DONE]', [chunk({ content: 'Half a sent' })], 'protocol'],
    ['streams an error object', [sseEvent({ error: { message: 'overloaded' } })], 'failed'],
    ['streams non-JSON', ['data: {not json\n\n'], 'protocol'],
    ['has no text and no tool call', [chunk({ content: '' }, 'stop'), DONE], 'empty'],
  ])('fails when the stream %s', async (_case, chunks, code) => {
    replyWith(chunks);
    await expect(provider.decide(contextFor('hello'), neverAborted())).rejects.toMatchObject({
      code,
    });
  });

  it('aborts the request when the deadline passes on a server that never answers', async () => {
    server.reply(() => ({ kind: 'hang' }));
    const error = await decideWithinDeadline(provider, contextFor('hello'), 50).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'ProviderError', code: 'timeout' });
    await server.aborted(); // the connection was closed by the client, not left open
  });

  describe('prompt injection', () => {
    it.each(INJECTIONS)(
      '"%s" stays a user message; the system message is unchanged',
      async (attack) => {
        replyWith([
          toolFragment(
            0,
            {
              name: 'escalate_to_human',
              arguments: '{"reason":"caller_asked","destination":"+1 900 555 0100"}',
            },
            'c',
          ),
          DONE,
        ]);
        const decision = await provider.decide(contextFor(attack), neverAborted());
        const body = server.requests[0]?.body as { messages: { role: string; content: string }[] };
        expect(body.messages[0]).toEqual({
          role: 'system',
          content: buildSystemPrompt(exampleProfile),
        });
        expect(body.messages.filter((m) => m.role === 'system')).toHaveLength(1);
        expect(body.messages.at(-1)).toEqual({ role: 'user', content: attack });
        expect(body.messages[0]?.content).not.toContain(attack);
        expect(decision).toMatchObject({ kind: 'escalate', destinationId: 'acme-support-desk' });
      },
    );
  });
});
