import { CallHandler } from '@warmline/contracts';
import { type RoutingTable, chooseHandler, matchesPattern } from './routingRules';

const { CALL_HANDLER_BUILT_IN_AGENT: AGENT, CALL_HANDLER_SDK: SDK } = CallHandler;

const table: RoutingTable = {
  rules: [
    { connectorId: 'support', calleePattern: '+6560*', handler: AGENT },
    { connectorId: 'support', handler: SDK },
    { calleePattern: '+1800*', handler: SDK },
  ],
  defaultHandler: AGENT,
};

describe('routing rules', () => {
  it.each([
    ['connector and number both match the first rule', 'support', '+6560001111', AGENT],
    ['only the connector matches: the second rule', 'support', '+6590001111', SDK],
    ['only the number pattern matches', 'sales', '+18005550100', SDK],
    ['nothing matches: the default', 'sales', '+6590001111', AGENT],
  ])('%s', (_label, connectorId, calleeNumber, expected) => {
    expect(chooseHandler(table, { connectorId, calleeNumber })).toBe(expected);
  });

  it('a rule without criteria matches every call', () => {
    const all: RoutingTable = { rules: [{ handler: SDK }], defaultHandler: AGENT };
    expect(chooseHandler(all, { connectorId: 'x', calleeNumber: '1' })).toBe(SDK);
  });

  it('patterns are literal except for *', () => {
    expect(matchesPattern('+65.0*', '+65.01')).toBe(true);
    expect(matchesPattern('+65.0*', '+65901')).toBe(false);
    expect(matchesPattern('+6560', '+65601')).toBe(false);
    expect(matchesPattern('*', '')).toBe(true);
  });
});
