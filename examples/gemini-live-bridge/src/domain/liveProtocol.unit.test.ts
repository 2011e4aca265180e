import {
  LiveProtocolError,
  TRANSFER_TOOL,
  audioInputMessage,
  parseServerMessage,
  setupMessage,
  toolResponseMessage,
} from './liveProtocol';

describe('client messages', () => {
  it('setup names the model, asks for audio, carries the instruction, voice and tools', () => {
    expect(
      setupMessage({
        model: 'models/m',
        systemInstruction: 'Be brief.',
        tools: [TRANSFER_TOOL],
        voiceName: 'Puck',
      }),
    ).toEqual({
      setup: {
        model: 'models/m',
        generationConfig: {
          responseModalities: ['AUDIO'],
          speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Puck' } } },
        },
        systemInstruction: { parts: [{ text: 'Be brief.' }] },
        tools: [{ functionDeclarations: [TRANSFER_TOOL] }],
      },
    });
  });

  it('realtimeInput carries base64 PCM with its rate', () => {
    expect(audioInputMessage(new Uint8Array([1, 0, 255, 127]), 16000)).toEqual({
      realtimeInput: { audio: { data: 'AQD/fw==', mimeType: 'audio/pcm;rate=16000' } },
    });
  });

  it('toolResponse answers function calls by id', () => {
    expect(toolResponseMessage([{ id: 'f1', name: 'end_call', response: { ok: true } }])).toEqual({
      toolResponse: { functionResponses: [{ id: 'f1', name: 'end_call', response: { ok: true } }] },
    });
  });
});

describe('parseServerMessage', () => {
  it('reads setupComplete', () => {
    expect(parseServerMessage('{"setupComplete":{}}')).toEqual([{ kind: 'setupComplete' }]);
  });

  it('reads model audio parts with their rate, then the end of the turn', () => {
    const message = {
      serverContent: {
        modelTurn: {
          parts: [
            { inlineData: { mimeType: 'audio/pcm;rate=24000', data: 'AQACAA==' } },
            { text: 'ignored' },
          ],
        },
        turnComplete: true,
      },
    };
    expect(parseServerMessage(JSON.stringify(message))).toEqual([
      { kind: 'audio', pcm: new Uint8Array([1, 0, 2, 0]), rate: 24000 },
      { kind: 'turnComplete' },
    ]);
  });

  it('reads an interruption before any audio in the same message', () => {
    expect(parseServerMessage('{"serverContent":{"interrupted":true}}')).toEqual([
      { kind: 'interrupted' },
    ]);
  });

  it('reads tool calls, cancellations and goAway', () => {
    const call = { toolCall: { functionCalls: [{ id: 'a', name: 'end_call', args: {} }] } };
    expect(parseServerMessage(JSON.stringify(call))).toEqual([
      { kind: 'toolCall', calls: [{ id: 'a', name: 'end_call', args: {} }] },
    ]);
    expect(parseServerMessage('{"toolCallCancellation":{"ids":["a"]}}')).toEqual([
      { kind: 'toolCallCancellation', ids: ['a'] },
    ]);
    expect(parseServerMessage('{"goAway":{"timeLeft":"10s"}}')).toEqual([
      { kind: 'goAway', timeLeft: '10s' },
    ]);
  });

  it('skips what the bridge does not use', () => {
    expect(parseServerMessage('{"usageMetadata":{"totalTokenCount":5}}')).toEqual([]);
  });

  it.each([
    'not json',
    '[1]',
    '{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"mimeType":"audio/pcm","data":"AQ=="}}]}}}',
    '{"toolCall":{"functionCalls":[{"id":"x"}]}}',
  ])('refuses %j with a LiveProtocolError', (text) => {
    expect(() => parseServerMessage(text)).toThrow(LiveProtocolError);
  });
});
