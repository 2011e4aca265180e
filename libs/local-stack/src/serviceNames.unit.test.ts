import { isServiceName, SERVICE_NAMES, startOrder } from './serviceNames';

describe('startOrder', () => {
  it('starts call-control first and the gateway last, whatever order they are asked in', () => {
    expect(startOrder(['gateway', 'stt', 'call-control'])).toEqual([
      'call-control',
      'stt',
      'gateway',
    ]);
    expect(startOrder([...SERVICE_NAMES].reverse())).toEqual(SERVICE_NAMES);
  });

  it('knows the seven services and nothing else', () => {
    expect(SERVICE_NAMES).toHaveLength(7);
    expect(isServiceName('orchestrator')).toBe(true);
    expect(isServiceName('mixer')).toBe(false);
  });
});
