import { pcmFromBytes, pcmToBytes } from '@warmline/audio';
import { CallHandler, TerminationReason } from '@warmline/contracts';
import { callerSpeech } from '@warmline/local-stack';
import { type ActiveCall, events, WarmlineClient, WarmlineClientConfig } from '@warmline/sdk';
import { audibleFrames, payloadOf, rms, useStack } from './support';

describe('an SDK application handles the call instead of the built-in agent', () => {
  const env = useStack({ handler: 'SDK' });

  it('answers over gRPC, hears the caller, speaks to them, and disconnect()s', async () => {
    const { stack } = env();
    const hello = await callerSpeech('Hello, this is an application on the Warmline SDK. Goodbye.');
    const heardBySdk: Int16Array[] = [];
    const client = new WarmlineClient(
      WarmlineClientConfig.sandbox({
        apiKey: stack.callControl!.apiKey,
        address: stack.callControl!.grpcAddress,
        connectorIds: [stack.carrier.connectorId],
        sampleRate: 8000,
      }),
    );
    const handled = new Promise<string>((resolve, reject) => {
      client.on(events.INCOMING_CALL, async (call: ActiveCall) => {
        try {
          await call.answer();
          let sent = false;
          let quietMs = 0;
          for await (const chunk of call.audioStream()) {
            const pcm = pcmFromBytes(chunk);
            heardBySdk.push(pcm);
            quietMs = rms(pcm) > 200 ? 0 : quietMs + pcm.length / 8;
            const loud = heardBySdk.filter((c) => rms(c) > 200).length;
            if (loud >= 20 && quietMs >= 800 && !sent) {
              sent = true; // the caller spoke and stopped: answer them (not over them: barge-in)
              await call.sendAudio(pcmToBytes(hello));
              setTimeout(
                () => void call.disconnect().then(() => resolve(call.callId), reject),
                6_000,
              );
            }
          }
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    });
    await client.ready();
    try {
      const call = await env().call();
      const started = await call.waitForCase('call', 'started');
      expect(payloadOf(started, 'call', 'started')).toMatchObject({
        handler: CallHandler.CALL_HANDLER_SDK,
      });
      await call.speak('I forgot my wifi password.');
      expect(await handled).toBe(call.callId);
      const ended = await call.waitForCase('call', 'terminated', 20_000);
      expect(payloadOf(ended, 'call', 'terminated')).toMatchObject({
        reason: TerminationReason.TERMINATION_REASON_DISCONNECTED,
      });
      // the application heard the caller; the built-in agent said nothing
      expect(heardBySdk.filter((c) => rms(c) > 200).length).toBeGreaterThanOrEqual(20);
      // the caller heard the application's answer: about all of it
      const helloMs = hello.length / 8;
      expect(audibleFrames(call.phone.heardFrames()) * 20).toBeGreaterThan((helloMs * 2) / 3);
      expect(call.events().some((e) => payloadOf(e, 'conversation', 'speechPlayed'))).toBe(false);
    } finally {
      await client.close();
    }
  });
});
