import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signTwilioRequest } from '@warmline/testing';

/** How the double's callee answers a `<Dial>`. */
export type CalleeBehaviour = 'answer' | 'no-answer' | 'busy';

/** A `<Dial>` the gateway asked for, and where its status callbacks go. */
export interface DialRequest {
  readonly callId: string;
  readonly carrierCallId: string;
  readonly statusCallback: string;
}

const CALL_PATH = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Calls\/(CA[0-9a-zA-Z]+)\.json$/;

/**
 * Contract double of Twilio's REST API and its callee side, for end-to-end tests through the
 * real gateway (Twilio cannot be reached from here). It accepts `POST Calls/{CallSid}.json`
 * (Basic auth; `Status=completed` or a `Twiml` redirect) as Twilio documents it. For a `<Dial>`
 * it does what Twilio does: the caller's media stream ends (the live call left `<Connect><Stream>`,
 * via `onDial`), then the `<Number>` status callbacks are posted to the gateway, signed with the
 * account's auth token: `initiated`, `ringing`, then `in-progress` (or `no-answer` / `busy`).
 * {@link endBridgedCall} posts `completed`, as when the bridged call ends.
 */
export class TwilioDouble {
  /** Every request, in order: method, path and form parameters. */
  readonly requests: { method: string; path: string; params: Record<string, string> }[] = [];
  readonly dials: DialRequest[] = [];
  /** Called when a `<Dial>` redirect arrives, before any callback (end the caller's stream here). */
  onDial: (dial: DialRequest) => Promise<void> = async () => undefined;
  callee: CalleeBehaviour = 'answer';
  private child = 0;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    private readonly accountSid: string,
    private readonly authToken: string,
  ) {}

  static async start(accountSid: string, authToken: string): Promise<TwilioDouble> {
    const ready: { double?: TwilioDouble } = {};
    const server = createServer((req, res) => ready.double?.receive(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    ready.double = new TwilioDouble(server, `http://127.0.0.1:${port}`, accountSid, authToken);
    return ready.double;
  }

  /** The bridged call ends (Twilio reports `completed` for the answered `<Number>`). */
  async endBridgedCall(dial: DialRequest): Promise<void> {
    await this.callback(dial, 'completed');
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private receive(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
      const path = req.url ?? '';
      this.requests.push({ method: req.method ?? '', path, params });
      const match = CALL_PATH.exec(path);
      const basic = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
      const reply = (status: number, body: object) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method !== 'POST' || !match || match[1] !== this.accountSid) {
        reply(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
        return;
      }
      if (req.headers.authorization !== basic) {
        reply(401, { code: 20003, message: 'Authenticate', status: 401 });
        return;
      }
      const carrierCallId = match[2]!;
      reply(200, {
        sid: carrierCallId,
        account_sid: this.accountSid,
        status: params.Status ?? 'in-progress',
      });
      const callback = /statusCallback="([^"]+)"/.exec(params.Twiml ?? '')?.[1];
      if (callback) void this.dial(carrierCallId, callback.replace(/&amp;/g, '&'));
    });
  }

  private async dial(carrierCallId: string, statusCallback: string): Promise<void> {
    const callId = new URL(statusCallback).searchParams.get('callId') ?? '';
    const dial = { callId, carrierCallId, statusCallback };
    this.dials.push(dial);
    await this.onDial(dial);
    await this.callback(dial, 'initiated');
    await this.callback(dial, 'ringing');
    await this.callback(dial, this.callee === 'answer' ? 'in-progress' : this.callee);
  }

  private async callback(dial: DialRequest, status: string): Promise<void> {
    this.child += status === 'initiated' ? 1 : 0;
    const params = {
      CallSid: `CA${String(this.child).padStart(32, '0')}`,
      ParentCallSid: dial.carrierCallId,
      CallStatus: status,
    };
    const signature = signTwilioRequest(this.authToken, dial.statusCallback, params);
    await fetch(dial.statusCallback, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature,
        connection: 'close',
      },
      body: new URLSearchParams(params).toString(),
    });
  }
}
