import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CarrierCaller, signTwilioRequest } from '@warmline/testing';
import type { LocalCarrierAccount } from '../demoCarrier';
import { type DialRequest, parseDialTwiml } from './dialTwiml';
import { PhoneCall } from './phoneCall';

/** How the human's line behaves when a transfer dials it. */
export interface CalleeBehaviour {
  /** `answer` (default), `no-answer` (rings until the dial's timeout or `ringMs`), `busy`. */
  readonly answer: 'answer' | 'no-answer' | 'busy';
  /** How long it rings before answering or giving up; default 1 500. */
  readonly ringMs?: number;
}

/** Something the local carrier did, for timelines and assertions. */
export interface CarrierEvent {
  readonly atMs: number;
  readonly kind:
    | 'call-placed'
    | 'stream-ended-for-dial'
    | 'callee-status'
    | 'caller-back-on-stream'
    | 'call-completed';
  readonly callSid: string;
  /** The callee status posted, the destination dialed, … */
  readonly detail: string;
}

/** One request the carrier's REST API received. */
export interface CarrierRequest {
  readonly method: string;
  readonly path: string;
  readonly form: Readonly<Record<string, string>>;
  readonly status: number;
}

/**
 * A local stand-in for Twilio (its REST API cannot be reached here): the REST API the gateway
 * calls (`POST /2010-04-01/Accounts/{sid}/Calls/{CallSid}.json`, Basic auth, form-encoded `Status`
 * or `Twiml`), and the carrier's behaviour around it: it places calls to the gateway as Media
 * Streams, ends the caller's stream to run a `<Dial>`, posts the callee leg's progress as signed
 * status callbacks, and runs the `<Connect><Stream>` after the dial when nobody answered.
 */
export interface LocalTwilioCarrier {
  /** Give this to the gateway as the account's `apiBaseUrl`. */
  readonly baseUrl: string;
  readonly requests: readonly CarrierRequest[];
  readonly events: readonly CarrierEvent[];
  /**
   * Calls `listener` on every event. A promise it returns is awaited where the carrier would wait
   * for the caller's side: on `stream-ended-for-dial`, before the dial's callbacks (a caller placed
   * outside {@link placeCall} ends its own stream there).
   */
  onEvent(listener: (event: CarrierEvent) => void | Promise<void>): () => void;
  /** How the human's line behaves from now on. */
  setCallee(behaviour: CalleeBehaviour): void;
  /** A caller dials the Warmline number: a new call streamed to `streamUrl`. */
  placeCall(streamUrl: string): Promise<PhoneCall>;
  /** The human hangs up a bridged call. */
  hangUpCallee(callSid: string): Promise<void>;
  close(): Promise<void>;
}

interface Dialing {
  readonly request: DialRequest;
  readonly childSid: string;
  answered: boolean;
  finished: boolean;
  timer?: NodeJS.Timeout;
}

const sid = (): string => `CA${randomBytes(16).toString('hex')}`;
const CALL_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\/([^/]+)\.json$/;

/** Starts the local carrier on a random loopback port for `account`. */
export const startLocalTwilioCarrier = async (
  account: LocalCarrierAccount,
): Promise<LocalTwilioCarrier> => {
  const calls = new Map<string, PhoneCall>();
  const dials = new Map<string, Dialing>();
  const requests: CarrierRequest[] = [];
  const events: CarrierEvent[] = [];
  const listeners = new Set<(event: CarrierEvent) => void | Promise<void>>();
  let callee: CalleeBehaviour = { answer: 'answer' };
  const started = Date.now();

  const emit = (kind: CarrierEvent['kind'], callSid: string, detail: string) => {
    const event = { atMs: Date.now() - started, kind, callSid, detail };
    events.push(event);
    return Promise.all(
      [...listeners].map(async (listener) => {
        await listener(event);
      }),
    ).then(
      () => undefined,
      () => undefined, // a listener's failure is its own
    );
  };

  const dialLeg = (url: string, customParameters?: Record<string, string>, callSid?: string) =>
    CarrierCaller.dial({
      carrier: 'twilio',
      url,
      authToken: account.authToken,
      accountId: account.accountSid,
      from: account.callerNumber,
      to: account.number,
      ...(callSid ? { carrierCallId: callSid } : {}),
      ...(customParameters ? { customParameters } : {}),
    });

  const postStatus = async (callSid: string, dialing: Dialing, status: string) => {
    const params: Record<string, string> = {
      AccountSid: account.accountSid,
      CallSid: dialing.childSid,
      ParentCallSid: callSid,
      CallStatus: status,
      To: dialing.request.destination,
      ...(status === 'busy' ? { SipResponseCode: '486' } : {}),
    };
    const url = dialing.request.statusCallbackUrl;
    void emit('callee-status', callSid, status);
    await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signTwilioRequest(account.authToken, url, params),
        connection: 'close',
      },
      body: new URLSearchParams(params).toString(),
    }).catch(() => undefined);
  };

  /** The dial ended: Twilio runs the next verb, the stream back to the gateway. */
  const afterDial = async (callSid: string, dialing: Dialing) => {
    dialing.finished = true;
    clearTimeout(dialing.timer);
    const call = calls.get(callSid);
    if (!call || call.ended || !dialing.request.streamUrl) return;
    const leg = await dialLeg(dialing.request.streamUrl, dialing.request.streamParameters, callSid);
    call.attach(leg);
    void emit('caller-back-on-stream', callSid, 'the dial ended; the caller is streamed back');
  };

  const runDial = async (callSid: string, request: DialRequest) => {
    const dialing: Dialing = { request, childSid: sid(), answered: false, finished: false };
    dials.set(callSid, dialing);
    const call = calls.get(callSid);
    // Twilio leaves <Connect><Stream> to run <Dial>
    await Promise.all([
      emit('stream-ended-for-dial', callSid, request.destination),
      call?.current?.hangUp().catch(() => undefined),
    ]);
    await postStatus(callSid, dialing, 'initiated');
    await postStatus(callSid, dialing, 'ringing');
    const behaviour = callee;
    const ringMs = Math.min(behaviour.ringMs ?? 1_500, request.timeoutSeconds * 1000);
    dialing.timer = setTimeout(() => {
      if (dialing.finished) return;
      if (behaviour.answer === 'answer') {
        dialing.answered = true;
        void postStatus(callSid, dialing, 'in-progress');
        return;
      }
      void postStatus(callSid, dialing, behaviour.answer).then(() => afterDial(callSid, dialing));
    }, ringMs);
  };

  const handle = (path: RegExpExecArray, form: Record<string, string>): number => {
    const callSid = path[2]!;
    if (form.Twiml !== undefined) {
      const request = parseDialTwiml(form.Twiml);
      if (!request) return 400;
      void runDial(callSid, request);
      return 200;
    }
    const dialed = [...dials.entries()].find(([, d]) => d.childSid === callSid);
    if (dialed && (form.Status === 'canceled' || form.Status === 'completed')) {
      const [parent, dialing] = dialed;
      if (!dialing.finished) {
        void postStatus(parent, dialing, dialing.answered ? 'completed' : 'canceled').then(() =>
          afterDial(parent, dialing),
        );
      }
      return 200;
    }
    if (form.Status === 'completed' || form.Status === 'canceled') {
      const call = calls.get(callSid);
      if (!call) return 404;
      const dialing = dials.get(callSid);
      if (dialing && !dialing.finished) {
        dialing.finished = true;
        clearTimeout(dialing.timer);
        void postStatus(callSid, dialing, dialing.answered ? 'completed' : 'canceled');
      }
      call.end();
      void emit('call-completed', callSid, 'ended through the REST API');
      return 200;
    }
    return 400;
  };

  const basic = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const path = CALL_PATH.exec(req.url ?? '');
      let status = 404;
      if (req.method === 'POST' && path && path[1] === account.accountSid) {
        status = req.headers.authorization === basic ? handle(path, form) : 401;
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', form, status });
      const body =
        status === 200
          ? {
              sid: path?.[2],
              account_sid: account.accountSid,
              status: form.Status ?? 'in-progress',
            }
          : {
              code: status === 401 ? 20003 : 20404,
              message: 'refused by the local carrier',
              status,
            };
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    events,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setCallee: (behaviour) => {
      callee = behaviour;
    },
    placeCall: async (streamUrl) => {
      const callSid = sid();
      const call = new PhoneCall(callSid, async () => {
        const dialing = dials.get(callSid);
        if (!dialing || dialing.finished) return;
        dialing.finished = true;
        clearTimeout(dialing.timer);
        // Twilio does not say which side ended a bridged call
        await postStatus(callSid, dialing, dialing.answered ? 'completed' : 'canceled');
        void emit('call-completed', callSid, 'the caller hung up');
      });
      calls.set(callSid, call);
      call.attach(await dialLeg(streamUrl, undefined, callSid));
      void emit('call-placed', callSid, account.number);
      return call;
    },
    hangUpCallee: async (callSid) => {
      const dialing = dials.get(callSid);
      if (!dialing?.answered || dialing.finished) return;
      await postStatus(callSid, dialing, 'completed');
      await afterDial(callSid, dialing);
    },
    close: async () => {
      for (const dialing of dials.values()) clearTimeout(dialing.timer);
      for (const call of calls.values()) await call.hangUp();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
};
