import { replyIntent } from './replyIntent';

describe('replyIntent', () => {
  it.each([
    ['yes please', 'yes'],
    ['yeah that works', 'yes'],
    ['okay', 'yes'],
    ['no thank you', 'no'],
    ['not that one', 'no'],
    ['another time please', 'no'],
    ['can i talk to a person', 'human'],
    ['no i want a human', 'human'],
    ['', 'unclear'],
    ['the weather', 'unclear'],
  ])('%j is %s', (text, intent) => {
    expect(replyIntent(text)).toBe(intent);
  });
});
