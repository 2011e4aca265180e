import { DEFAULT_CARRIER_ACCOUNT } from './demoCarrier';
import { serviceSpec, type StackSettings } from './serviceSpecs';

const settings: StackSettings = {
  natsUrl: 'nats://127.0.0.1:4222',
  mongoUrl: 'mongodb://127.0.0.1:27017/',
  logLevel: 'info',
  apiKey: 'key',
  handler: 'BUILT_IN_AGENT',
  carrier: DEFAULT_CARRIER_ACCOUNT,
  carrierApiBaseUrl: 'http://127.0.0.1:9',
  gatewayPort: 8080,
  contextDatabase: 'ctx',
  briefing: false,
};
const human = 'sip:human@127.0.0.1:5071';

describe('serviceSpec', () => {
  it('without sip: no SIP trunk, connect() rings the human number over Twilio', () => {
    const gateway = serviceSpec('gateway', settings).env;
    expect(gateway.GATEWAY_SIP_PORT).toBeUndefined();
    const callControl = serviceSpec('call-control', settings).env;
    expect(JSON.parse(callControl.CALL_CONTROL_CALLEE_DESTINATIONS!)).toEqual({
      'connector-local': DEFAULT_CARRIER_ACCOUNT.humanNumber,
    });
    expect(serviceSpec('orchestrator', settings).env.ORCHESTRATOR_BRIEFING).toBe('false');
  });

  it('with sip: the trunk on the given port, one route for the number, connect() rings the SIP callee', () => {
    const sip = {
      ...settings,
      briefing: true,
      sip: { port: 5080, user: '+15550100100', calleeUri: human },
    };
    const gateway = serviceSpec('gateway', sip).env;
    expect(gateway).toMatchObject({
      GATEWAY_SIP_PORT: '5080',
      GATEWAY_SIP_HOST: '127.0.0.1',
      GATEWAY_SIP_TRANSPORTS: 'udp',
      GATEWAY_RTP_PORTS: '0-0',
    });
    expect(JSON.parse(gateway.GATEWAY_SIP_ROUTES!)).toEqual([
      { user: '+15550100100', connectorId: 'connector-local', transferDestinations: [human] },
    ]);
    expect(
      JSON.parse(serviceSpec('call-control', sip).env.CALL_CONTROL_CALLEE_DESTINATIONS!),
    ).toEqual({
      'connector-local': human,
    });
    expect(serviceSpec('orchestrator', sip).env.ORCHESTRATOR_BRIEFING).toBe('true');
  });
});
