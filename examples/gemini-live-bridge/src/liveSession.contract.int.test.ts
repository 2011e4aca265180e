/**
 * Contract test: Gemini Live cannot be reached from here, so the session talks to a local server
 * playing Google's part of the published WebSocket protocol (BidiGenerateContent: setup →
 * setupComplete, realtimeInput audio, serverContent with inlineData audio / interrupted /
 * turnComplete, toolCall → toolResponse, goAway).
 */
import { waitFor } from '@warmline/testing';
import { END_CALL_TOOL, type LiveEvent, TRANSFER_TOOL } from './domain/liveProtocol';
import { LiveSession, LiveSessionError } from './liveSession';
import { FakeGeminiLive } from './testSupport/fakeGeminiLive';

const SETUP = {
  model: 'models/gemini-live-test',
  systemInstruction: 'You answer the phone for Acme.',
  tools: [TRANSFER_TOOL, END_CALL_TOOL],
};
let google: FakeGeminiLive;

beforeAll(async () => {
  google = await FakeGeminiLive.start();
});

afterAll(async () => {
  await google?.stop();
});

const open = () => LiveSession.open({ url: google.url, apiKey: 'test-key', setup: SETUP });

describe('LiveSession against the Gemini Live protocol (contract)', () => {
  it('opens with setup, waits for setupComplete, passes the key as a query parameter', async () => {
    const session = await open();
    const connection = google.connections.at(-1)!;
    expect(connection.query.get('key')).toBe('test-key');
    expect(connection.setup).toMatchObject({
      model: SETUP.model,
      generationConfig: { responseModalities: ['AUDIO'] },
      tools: [{ functionDeclarations: [{ name: 'transfer_to_human' }, { name: 'end_call' }] }],
    });
    session.close();
    expect(await connection.closed).toBe(1000);
  });

  it('streams audio up, and yields model audio, interruptions and tool calls in order', async () => {
    const session = await open();
    const connection = google.connections.at(-1)!;
    session.sendAudio(new Uint8Array(640), 16000);
    await waitFor(() => (connection.audio.length ? true : undefined));
    expect(connection.audio[0]).toMatchObject({ mimeType: 'audio/pcm;rate=16000' });
    expect(connection.audio[0]!.pcm).toHaveLength(640);

    const pcm = Buffer.from(new Int16Array([100, -100, 200]).buffer).toString('base64');
    connection.send({
      serverContent: {
        modelTurn: { parts: [{ inlineData: { mimeType: 'audio/pcm;rate=24000', data: pcm } }] },
      },
    });
    connection.send({ serverContent: { interrupted: true } }, true);
    connection.send({ serverContent: { turnComplete: true } });
    connection.send({
      toolCall: { functionCalls: [{ id: 'call-1', name: 'end_call', args: {} }] },
    });
    connection.send({ goAway: { timeLeft: '5s' } });
    const seen: LiveEvent['kind'][] = [];
    for await (const event of session.events()) {
      seen.push(event.kind);
      if (event.kind === 'audio') expect(event).toMatchObject({ rate: 24000 });
      if (event.kind === 'toolCall')
        session.sendToolResponse([{ id: 'call-1', name: 'end_call', response: { ended: true } }]);
      if (event.kind === 'goAway') session.close();
    }
    expect(seen).toEqual(['audio', 'interrupted', 'turnComplete', 'toolCall', 'goAway']);
    expect(connection.toolResponses).toEqual([
      { id: 'call-1', name: 'end_call', response: { ended: true } },
    ]);
    expect(connection.violations).toEqual([]);
  });

  it('fails with LiveSessionError when the server refuses the setup', async () => {
    google.refuseSetupWith = { code: 1008, reason: 'API key not valid' };
    try {
      await expect(open()).rejects.toThrow(LiveSessionError);
    } finally {
      google.refuseSetupWith = undefined;
    }
  });

  it('fails with LiveSessionError when nothing listens at the URL', async () => {
    await expect(
      LiveSession.open({ url: 'ws://127.0.0.1:9/x', apiKey: '', setup: SETUP }),
    ).rejects.toThrow(LiveSessionError);
  });

  it('ends events() with the error when the server breaks the protocol', async () => {
    const session = await open();
    google.connections.at(-1)!.send({
      serverContent: {
        modelTurn: { parts: [{ inlineData: { mimeType: 'audio/pcm', data: 'AQ==' } }] },
      },
    });
    const drain = async () => {
      for await (const _event of session.events()) void _event;
    };
    await expect(drain()).rejects.toThrow(/odd byte count/);
  });
});
