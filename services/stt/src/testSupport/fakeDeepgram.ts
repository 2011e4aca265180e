import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** What the fake Deepgram server saw of one connection. */
export interface DeepgramSession {
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  frameSizes: number[];
  textMessages: string[];
}

/** How the fake behaves. */
export interface FakeDeepgramOptions {
  /** Refuse the upgrade with this HTTP status. */
  rejectStatus?: number;
  /** Close with this code after this many frames, without results. */
  dropAfterFrames?: { frames: number; code: number };
  /** The final transcript. */
  transcript?: string;
}

const results = (isFinal: boolean, transcript: string, start: number, duration: number): string =>
  JSON.stringify({
    type: 'Results',
    channel_index: [0, 1],
    duration,
    start,
    is_final: isFinal,
    speech_final: isFinal,
    channel: {
      alternatives: [
        {
          transcript,
          confidence: 0.97,
          words: transcript
            .split(' ')
            .filter(Boolean)
            .map((word, i) => ({
              word: word.toLowerCase().replace(/\W/g, ''),
              start: start + i * 0.3,
              end: start + i * 0.3 + 0.25,
              confidence: 0.95,
              punctuated_word: word,
            })),
        },
      ],
    },
    metadata: {
      request_id: 'fake',
      model_info: { name: 'general', version: 'fake', arch: 'nova-3' },
      model_uuid: 'fake',
    },
  });

/**
 * A stand-in for wss://api.deepgram.com/v1/listen on 127.0.0.1 that records
 * the request and framing and answers with the documented message shapes:
 * an interim `Results` every 10 frames, and on `CloseStream` a final
 * `Results`, a `Metadata`, and a normal close.
 */
export const startFakeDeepgram = async (options: FakeDeepgramOptions = {}) => {
  const sessions: DeepgramSession[] = [];
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    verifyClient: (_info, done) =>
      options.rejectStatus ? done(false, options.rejectStatus, 'refused') : done(true),
  });
  server.on('connection', (socket: WebSocket, request) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const session: DeepgramSession = {
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: request.headers.authorization,
      frameSizes: [],
      textMessages: [],
    };
    sessions.push(session);
    const transcript = options.transcript ?? 'Get me an operator.';
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) {
        session.frameSizes.push(data.length);
        const count = session.frameSizes.length;
        if (options.dropAfterFrames && count === options.dropAfterFrames.frames)
          socket.close(options.dropAfterFrames.code, 'fake failure');
        else if (count % 10 === 0)
          socket.send(
            results(
              false,
              transcript
                .split(' ')
                .slice(0, count / 10)
                .join(' '),
              0,
              count * 0.02,
            ),
          );
        return;
      }
      const text = data.toString('utf8');
      session.textMessages.push(text);
      if (text === '{"type":"CloseStream"}') {
        const seconds = session.frameSizes.length * 0.02;
        socket.send(results(true, transcript, 0, seconds));
        socket.send(
          JSON.stringify({ type: 'Metadata', request_id: 'fake', duration: seconds, channels: 1 }),
        );
        socket.close(1000);
      }
    });
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `ws://127.0.0.1:${port}`,
    sessions,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
};
