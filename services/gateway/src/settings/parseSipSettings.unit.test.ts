import { readConfig } from '../config';
import { parseRtpPorts, parseSipRoutes, parseSipTransports } from './parseSipSettings';

const base = {
  NATS_URL: 'nats://127.0.0.1:4222',
  GATEWAY_PUBLIC_BASE_URL: 'https://gw.example.com',
  GATEWAY_CARRIER_SECRETS: '{}',
  GATEWAY_NUMBERS: '[]',
};

describe('SIP settings', () => {
  it('are off without GATEWAY_SIP_PORT and read with defaults when it is set', () => {
    expect(readConfig(base).sip).toBeUndefined();
    const sip = readConfig({
      ...base,
      GATEWAY_SIP_PORT: '5060',
      GATEWAY_SIP_ROUTES:
        '[{"user":"+15550001111","connectorId":"c1","transferDestinations":["sip:desk@pbx.example.com"]}]',
      GATEWAY_SIP_TRUNK_SECRET: '{"username":"gw","password":"pw"}',
    }).sip;
    expect(sip).toMatchObject({
      host: '127.0.0.1',
      port: 5060,
      transports: ['UDP', 'TCP'],
      publicAddress: '127.0.0.1',
      rtpPorts: { min: 20000, max: 20999 },
      rtpLatching: false,
      routes: [
        {
          user: '+15550001111',
          connectorId: 'c1',
          transferDestinations: ['sip:desk@pbx.example.com'],
        },
      ],
      trunkCredentials: { username: 'gw', password: 'pw' },
    });
  });

  it('refuses bad values with the variable named and never shows the trunk secret', () => {
    expect(() =>
      readConfig({ ...base, GATEWAY_SIP_PORT: '5060', GATEWAY_RTP_PORTS: '10-5' }),
    ).toThrow(/GATEWAY_RTP_PORTS/);
    let message = '';
    try {
      readConfig({
        ...base,
        GATEWAY_SIP_PORT: '5060',
        GATEWAY_SIP_TRUNK_SECRET: '{"username":"gw","password":""}',
      });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('GATEWAY_SIP_TRUNK_SECRET');
    expect(message).not.toContain('"username":"gw"');
  });

  it('parse transports, port ranges and routes strictly', () => {
    expect(parseSipTransports('udp')).toEqual(['UDP']);
    expect(parseSipTransports('udp,tls')).toBeUndefined();
    expect(parseRtpPorts('0-0')).toEqual({ min: 0, max: 0 });
    expect(parseRtpPorts('20000-20001')).toEqual({ min: 20000, max: 20001 });
    expect(parseRtpPorts('80-90')).toBeUndefined();
    expect(
      parseSipRoutes('[{"user":"a","connectorId":"c","transferDestinations":["tel:+1555"]}]'),
    ).toBeUndefined();
    expect(
      parseSipRoutes('[{"user":"a","connectorId":"c"},{"user":"a","connectorId":"d"}]'),
    ).toBeUndefined();
  });
});
