/**
 * Contract tests for the Gemini provider against the published Gemini API REST protocol
 * (`POST /v1beta/models/{model}:streamGenerateContent?alt=sse` with `x-goog-api-key`,
 * `systemInstruction`, `contents` with roles user/model, `tools[].functionDeclarations`, and
 * streamed `GenerateContentResponse` events whose parts hold `text` or `functionCall`). The
 * hosted API cannot be reached here, so a fake server on 127.0.0.1 checks each request exactly
 * as the protocol documents it and streams documented response shapes.
 */
import { EscalationReason } from '@warmline/contracts';
import { decideWithinDeadline } from '../../decision/withDeadline';
import { ProviderError } from '../../domain/decision/decisionErrors';
import { buildSystemPrompt } from '../../domain/prompt/systemPrompt';
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
import { geminiProvider } from './geminiProvider';

/** Matches any string (typed `unknown` so the expected bodies stay type-safe). */
const anyText: unknown = expect.any(String);

const response = (parts: object[], finishReason?: string) =>
  sseEvent({
    candidates: [
      { content: { role: 'model', parts }, ...(finishReason ? { finishReason } : {}), index: 0 },
    ],
    usageMetadata: { promptTokenCount: 10, totalTokenCount: 12 },
    modelVersion: 'gemini-2.5-flash',
  });

describe('geminiProvider (contract: Gemini API streamGenerateContent)', () => {
  let server: FakeModelServer;
  let provider: DecisionProvider;
  beforeAll(async () => {
    server = await startFakeModelServer();
    provider = geminiProvider({
      baseUrl: server.url,
      apiKey: 'AIza-test',
      model: 'gemini-2.5-flash',
      replyMaxChars: 600,
      tools: [],
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });
  const replyWith = (chunks: readonly string[]) => server.reply(() => ({ kind: 'events', chunks }));

  it('sends the documented request: path, x-goog-api-key, systemInstruction, contents, tools', async () => {
    replyWith([response([{ text: 'Sure.' }], 'STOP')]);
    const history = [
      { speaker: 'caller' as const, text: 'my internet is down' },
      { speaker: 'agent' as const, text: 'Check the status page.' },
    ];
    await provider.decide(contextFor('still down', history), neverAborted());

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(request?.headers['x-goog-api-key']).toBe('AIza-test');
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({
      systemInstruction: { parts: [{ text: buildSystemPrompt(exampleProfile) }] },
      contents: [
        { role: 'user', parts: [{ text: 'my internet is down' }] },
        { role: 'model', parts: [{ text: 'Check the status page.' }] },
        { role: 'user', parts: [{ text: 'still down' }] },
      ],
      tools: [
        {
          functionDeclarations: [
            {
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
              },
            },
            // A function without arguments declares no parameters.
            { name: 'end_call', description: anyText },
          ],
        },
      ],
      toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
    });
  });

  it('joins text parts across streamed responses and skips thought parts', async () => {
    replyWith([
      response([{ text: 'Unplug the modem, ' }]),
      response([{ text: 'planning…', thought: true }]),
      response([{ text: 'wait thirty seconds.' }], 'STOP'),
    ]);
    const decision = await provider.decide(contextFor('how do I restart'), neverAborted());
    expect(decision).toEqual({ kind: 'reply', text: 'Unplug the modem, wait thirty seconds.' });
  });

  it('turns a functionCall part into an escalation to the configured destination', async () => {
    replyWith([
      response([
        {
          functionCall: {
            name: 'escalate_to_human',
            args: { reason: 'caller_asked', destination: '+19005550100' },
          },
        },
      ]),
    ]);
    const decision = await provider.decide(contextFor('get me a human'), neverAborted());
    expect(decision).toMatchObject({
      kind: 'escalate',
      reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
      destinationId: 'acme-support-desk',
      replyText: exampleProfile.lines.transition,
    });
  });

  it('ends the call on end_call', async () => {
    replyWith([response([{ functionCall: { name: 'end_call', args: {} } }], 'STOP')]);
    await expect(provider.decide(contextFor('bye'), neverAborted())).resolves.toEqual({
      kind: 'end',
      replyText: exampleProfile.lines.goodbye,
    });
  });

  it.each([
    [429, true],
    [500, true],
    [400, false],
  ])('reports HTTP %d as a ProviderError (retryable: %s)', async (status, retryable) => {
    server.reply(() => ({
      kind: 'status',
      status,
      body: { error: { code: status, message: 'nope', status: 'RESOURCE_EXHAUSTED' } },
    }));
    const error = await provider.decide(contextFor('hi'), neverAborted()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'http', status, retryable, provider: 'gemini' });
  });

  it.each([
    ['is empty', [], 'protocol'],
    ['blocks the prompt', [sseEvent({ promptFeedback: { blockReason: 'SAFETY' } })], 'empty'],
    ['streams an error', [sseEvent({ error: { code: 503, message: 'overloaded' } })], 'failed'],
    ['has no usable part', [response([], 'STOP')], 'empty'],
  ])('fails when the stream %s', async (_case, chunks, code) => {
    replyWith(chunks);
    await expect(provider.decide(contextFor('hi'), neverAborted())).rejects.toMatchObject({
      code,
    });
  });

  it('aborts the request when the deadline passes on a server that never answers', async () => {
    server.reply(() => ({ kind: 'hang' }));
    const error = await decideWithinDeadline(provider, contextFor('hi'), 50).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'ProviderError', code: 'timeout' });
    await server.aborted();
  });

  it.each(INJECTIONS)(
    'keeps "%s" in a user content; systemInstruction is unchanged',
    async (attack) => {
      replyWith([response([{ text: 'I can help with your Acme service.' }], 'STOP')]);
      await provider.decide(contextFor(attack), neverAborted());
      const body = server.requests[0]?.body as {
        systemInstruction: { parts: { text: string }[] };
        contents: { role: string; parts: { text: string }[] }[];
      };
      expect(body.systemInstruction).toEqual({
        parts: [{ text: buildSystemPrompt(exampleProfile) }],
      });
      expect(body.contents).toEqual([{ role: 'user', parts: [{ text: attack }] }]);
    },
  );
});
