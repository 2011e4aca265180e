import { type Bus, connectBus, protoCodec, publishToStream } from '@warmline/bus';
import { SpeakRequest, subjects } from '@warmline/contracts';
import {
  type NatsServerHandle,
  repoRoot,
  startNatsServer,
  startTsProcess,
  waitForOutput,
} from '@warmline/testing';
import { listenFrames } from './testSupport/frameListener';

describe('tts main (a real process)', () => {
  let nats: NatsServerHandle;
  let client: Bus;
  beforeAll(async () => {
    nats = await startNatsServer();
    client = await connectBus({ servers: nats.url, name: 'client' });
  });
  afterAll(async () => {
    await client.close();
    await nats.stop();
  });

  it('starts from the environment, speaks a request, and stops cleanly on SIGTERM', async () => {
    const proc = startTsProcess('services/tts/src/main.ts', {
      cwd: repoRoot(),
      env: {
        NATS_URL: nats.url,
        TTS_PRELOAD_PHRASES: '["Hello, thanks for calling."]',
        LOG_LEVEL: 'info',
      },
    });
    try {
      await waitForOutput(proc, /"msg":"tts ready"/, { timeoutMs: 30_000 });
      expect(proc.output()).toContain('"preloaded":1');
      const frames = listenFrames(client, 'call-main');
      const request = SpeakRequest.fromPartial({
        requestId: 'r-main',
        callId: 'call-main',
        utteranceId: 'u-main',
        text: 'Hello, thanks for calling.',
        sampleRate: 8000,
        cacheable: true,
      });
      await publishToStream(
        client,
        subjects.speak('call-main'),
        protoCodec(SpeakRequest),
        request,
        {
          msgId: 'r-main',
        },
      );
      await frames.ended('u-main');
      expect(frames.of('u-main').length).toBeGreaterThan(10);
      frames.stop();
    } finally {
      await proc.stop(); // SIGTERM to its process group, by PID
    }
    expect(proc.exitStatus()).toEqual({ code: 0, signal: null });
    expect(proc.output()).toContain('"msg":"tts stopped"');
  });
});
