import { startLocalTwilioCarrier } from '../carrier/localTwilioCarrier';
import { ScriptedCall } from '../call/scriptedCall';
import { DEFAULT_CARRIER_ACCOUNT } from '../demoCarrier';
import type { DemoTransport } from './demoTransport';

/**
 * The demo over Twilio Media Streams: a local Twilio stand-in plays the carrier (REST API, signed
 * status callbacks) and the human who answers; the caller is a Twilio-protocol media stream.
 */
export const twilioTransport = async (): Promise<DemoTransport> => {
  const carrier = await startLocalTwilioCarrier(DEFAULT_CARRIER_ACCOUNT);
  return {
    intro: [
      `carrier: a local Twilio stand-in at ${carrier.baseUrl} (Twilio's REST API cannot be reached here: ` +
        'it plays the carrier, posting signed status callbacks, and the human who answers)',
    ],
    stackOptions: { transport: 'twilio', carrierApiBaseUrl: carrier.baseUrl },
    place: (stack, watcher, print) => {
      carrier.onEvent((event) => {
        if (event.kind === 'stream-ended-for-dial')
          print('CARRIER', `runs <Dial>: the caller's stream to the agent ends`);
        if (event.kind === 'callee-status') print('CARRIER', `callee leg: ${event.detail}`);
        if (event.kind === 'caller-back-on-stream') print('CARRIER', event.detail);
      });
      return ScriptedCall.place(carrier, stack.gateway!.twilioStreamUrl, watcher);
    },
    talkToHumanAndHangUp: async (call, print) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // the caller talks to the human
      print('CALLER', 'hangs up');
      await call.hangUp();
      await call.waitForCase('call', 'terminated', 15_000);
    },
    report: () => Promise.resolve([]),
    keepLines: (stack) => [
      `  gateway:        ${stack.gateway!.twilioStreamUrl} (Twilio Media Streams)`,
      `  account:        ${stack.carrier.accountSid} / ${stack.carrier.authToken}`,
      `  number:         ${stack.carrier.number}`,
    ],
    close: () => carrier.close(),
  };
};
