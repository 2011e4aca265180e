import { lines, settle } from './notifications';

describe('settle', () => {
  it('acknowledges on yes and flags on no or a request for a person', () => {
    expect(settle('yes', false)).toBe('acknowledged');
    expect(settle('no', false)).toBe('flagged');
    expect(settle('human', false)).toBe('flagged');
  });

  it('asks again once after an unclear reply or silence, then flags', () => {
    expect(settle('unclear', false)).toBe('ask-again');
    expect(settle(undefined, false)).toBe('ask-again');
    expect(settle(undefined, true)).toBe('flagged');
    expect(settle('yes', true)).toBe('acknowledged');
  });
});

describe('lines', () => {
  it('counts notifications and greets by name when known', () => {
    expect(lines.greeting('Ana', 1)).toBe('Hello Ana. You have one new notification.');
    expect(lines.greeting(undefined, 3)).toBe('Hello. You have 3 new notifications.');
  });

  it('numbers notifications only when there are several', () => {
    expect(lines.read(0, 1, 'Your parcel arrives today.')).toBe(
      'Your parcel arrives today. Say yes to confirm, or no if something is wrong.',
    );
    expect(lines.read(1, 2, 'X.')).toMatch(/^Notification 2\. X\./);
  });
});
