import { callerSpeech } from '../call/callerVoice';
import { ScriptedCall } from '../call/scriptedCall';
import { DEFAULT_CARRIER_ACCOUNT } from '../demoCarrier';
import { SipPhone } from '../sip/sipPhone';
import { speechMsOf, speechSpans } from '../sip/speechSpans';
import type { DemoTransport } from './demoTransport';

/** What the caller says to the human once bridged. */
export const HELLO_TO_HUMAN = 'Hello, thank you for taking my call.';

const human: Record<string, string> = {
  CALL_INCOMING: "the human's phone rings (baresip, auto-answer)",
  CALL_ESTABLISHED: 'the human picks up',
  CALL_CLOSED: "the human's line hangs up",
};

/**
 * The demo over SIP: the caller and the human are two real SIP phones (baresip). The caller dials
 * the gateway's SIP trunk and says each line of the script through its `aufile` source; the human's
 * line auto-answers when `connect()` rings it, hears the agent's whispered briefing, then the
 * caller through the gateway's mixer, and records everything it heard.
 */
export const sipTransport = async (): Promise<DemoTransport> => {
  const callee = await SipPhone.start('human', 'auto');
  const caller = await SipPhone.start(DEFAULT_CARRIER_ACCOUNT.callerNumber, 'manual').catch(
    async (err: unknown) => {
      await callee.stop();
      throw err;
    },
  );
  let watching: NodeJS.Timeout | undefined;
  let recording: { heard?: string; sent?: string } = {};
  return {
    intro: [
      `caller: baresip ${caller.uri}; the human's line: baresip ${callee.uri} (both real SIP phones, G.711 μ-law)`,
    ],
    stackOptions: { sip: { calleeUri: callee.uri } },
    place: async (stack, watcher, print) => {
      let seen = 0;
      watching = setInterval(() => {
        for (const event of callee.baresip.events.slice(seen)) {
          const text = human[event.type];
          if (text) print('HUMAN', text);
        }
        seen = callee.baresip.events.length;
      }, 20);
      const sip = stack.gateway?.sip;
      if (!sip) throw new Error('the stack runs without the SIP trunk');
      print('CALLER', `dials ${sip.uri}`);
      const sipCallId = await caller.dial(sip.uri);
      return ScriptedCall.follow(caller, sipCallId, watcher);
    },
    talkToHumanAndHangUp: async (call, print) => {
      await callee.waitForEvent('CALL_ESTABLISHED', 10_000);
      print('CALLER', `to the human: “${HELLO_TO_HUMAN}”`);
      await call.phone.say(await callerSpeech(HELLO_TO_HUMAN));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      print('CALLER', 'hangs up');
      await call.hangUp();
      await call.waitForCase('call', 'terminated', 15_000);
      await callee.waitForEvent('CALL_CLOSED', 10_000);
    },
    report: (logDir) => {
      recording = callee.keepRecordings(logDir);
      const callerKept = caller.keepRecordings(logDir);
      if (!recording.heard) return Promise.resolve(["  the human's line kept no recording"]);
      const { heard, rate } = callee.recording();
      const spans = speechSpans(heard, rate);
      const at = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      return Promise.resolve([
        `  what the human heard: ${recording.heard} (8 kHz mono, ${at((heard.length / rate) * 1000)}, ` +
          `${at(speechMsOf(spans))} of speech)`,
        `  speech at: ${spans.map((s) => `${at(s.startMs)}–${at(s.endMs)}`).join(', ')}`,
        '  (from pick-up: the briefing the agent whispered to the human, then the caller once bridged)',
        ...(callerKept.heard ? [`  what the caller heard: ${callerKept.heard}`] : []),
      ]);
    },
    keepLines: (stack) => [
      `  gateway SIP:    ${stack.gateway?.sip?.uri ?? '–'} (UDP; dial it from any SIP phone)`,
      `  human's line:   ${callee.uri}`,
    ],
    close: async () => {
      if (watching) clearInterval(watching);
      await caller.stop();
      await callee.stop();
    },
  };
};
