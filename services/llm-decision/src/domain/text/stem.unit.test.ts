import { stem } from './stem';

describe('stem', () => {
  it.each([
    ['cancelling', 'cancel'],
    ['cancelled', 'cancel'],
    ['cancel', 'cancel'],
    ['moving', 'move'],
    ['charges', 'charge'],
    ['charged', 'charge'],
    ['dropping', 'drop'],
    ['routers', 'router'],
    ['boxes', 'box'],
    ['bills', 'bill'],
    ['billing', 'bill'],
  ])('gives %s and %s the same stem', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it('leaves short words and -ss/-us/-is endings alone', () => {
    expect(stem('bus')).toBe('bus');
    expect(stem('this')).toBe('this');
    expect(stem('need')).toBe('need');
  });
});
