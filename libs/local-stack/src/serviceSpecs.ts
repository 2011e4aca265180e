import type { LocalCarrierAccount } from './demoCarrier';
import type { ServiceName } from './serviceNames';

/** Who handles calls that no routing rule names. */
export type CallHandlerName = 'BUILT_IN_AGENT' | 'SDK';

/** What every service's environment is built from. */
export interface StackSettings {
  readonly natsUrl: string;
  readonly mongoUrl: string;
  readonly logLevel: string;
  readonly apiKey: string;
  readonly handler: CallHandlerName;
  readonly carrier: LocalCarrierAccount;
  readonly carrierApiBaseUrl: string;
  readonly gatewayPort: number;
  readonly contextDatabase: string;
  /** Whether the saga whispers a briefing to the human (needs a transport with a mixer: SIP). */
  readonly briefing: boolean;
  /** The gateway's SIP trunk, when on: its port, the user callers dial, the human's URI. */
  readonly sip?: { readonly port: number; readonly user: string; readonly calleeUri: string };
}

/** How one service is started and when it is ready. */
export interface ServiceSpec {
  /** The entry point, relative to the service's package directory, without extension. */
  readonly entry: string;
  readonly env: Readonly<Record<string, string>>;
  /** A stdout line matching this means the service is ready. */
  readonly ready: RegExp;
}

const gatewaySipEnv = (
  s: StackSettings,
  sip: NonNullable<StackSettings['sip']>,
): Record<string, string> => ({
  GATEWAY_SIP_PORT: String(sip.port),
  GATEWAY_SIP_HOST: '127.0.0.1',
  GATEWAY_SIP_TRANSPORTS: 'udp',
  GATEWAY_RTP_PORTS: '0-0',
  GATEWAY_SIP_ROUTES: JSON.stringify([
    {
      user: sip.user,
      connectorId: s.carrier.connectorId,
      transferDestinations: [sip.calleeUri],
    },
  ]),
});

const gatewayEnv = (s: StackSettings): Record<string, string> => ({
  GATEWAY_HOST: '127.0.0.1',
  GATEWAY_PORT: String(s.gatewayPort),
  GATEWAY_ID: 'gateway-local',
  GATEWAY_PUBLIC_BASE_URL: `http://127.0.0.1:${s.gatewayPort}`,
  GATEWAY_CARRIER_SECRETS: JSON.stringify({
    twilio: [
      {
        accountSid: s.carrier.accountSid,
        authToken: s.carrier.authToken,
        apiBaseUrl: s.carrierApiBaseUrl,
      },
    ],
  }),
  GATEWAY_NUMBERS: JSON.stringify([
    {
      number: s.carrier.number,
      carrier: 'twilio',
      account: s.carrier.accountSid,
      connectorId: s.carrier.connectorId,
      transferDestinations: [s.carrier.humanNumber],
      transferCallerId: s.carrier.number,
    },
  ]),
  ...(s.sip ? gatewaySipEnv(s, s.sip) : {}),
});

/** The environment and readiness line of each service (see each service's src/config.ts). */
export const serviceSpec = (name: ServiceName, s: StackSettings): ServiceSpec => {
  const common = { NATS_URL: s.natsUrl, LOG_LEVEL: s.logLevel };
  switch (name) {
    case 'call-control':
      return {
        entry: 'main',
        env: {
          ...common,
          CALL_CONTROL_GRPC_ADDRESS: '127.0.0.1:0',
          CALL_CONTROL_API_KEYS: JSON.stringify({ [s.apiKey]: '*' }),
          CALL_CONTROL_DEFAULT_HANDLER: s.handler,
          CALL_CONTROL_CALLEE_DESTINATIONS: JSON.stringify({
            [s.carrier.connectorId]: s.sip?.calleeUri ?? s.carrier.humanNumber,
          }),
        },
        ready: /"grpcPort":(\d+).*"msg":"call-control started"/,
      };
    case 'context-store':
      return {
        entry: 'main',
        env: {
          ...common,
          MONGO_URL: s.mongoUrl,
          CONTEXT_STORE_DATABASE: s.contextDatabase,
          CONTEXT_STORE_GRPC_ADDRESS: '127.0.0.1:0',
          CONTEXT_STORE_DESK_ADDRESS: '127.0.0.1:0',
        },
        ready: /"msg":"ready"/,
      };
    case 'llm-decision':
      return { entry: 'main', env: common, ready: /"msg":"llm-decision started"/ };
    case 'tts':
      return { entry: 'main', env: common, ready: /"msg":"tts ready"/ };
    case 'stt':
      return { entry: 'main', env: common, ready: /"msg":"stt started"/ };
    case 'orchestrator':
      return {
        entry: 'main',
        env: { ...common, ORCHESTRATOR_BRIEFING: String(s.briefing) },
        ready: /"msg":"orchestrator ready"/,
      };
    case 'gateway':
      return { entry: 'main', env: { ...common, ...gatewayEnv(s) }, ready: /"msg":"ready"/ };
  }
};
