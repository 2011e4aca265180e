import { normalizeText } from '../text/normalizeText';
import { classifyConversationalAct, isQuestion } from './conversationalActs';

const act = (text: string) =>
  classifyConversationalAct(normalizeText(text), new Set(['acme', 'internet']));

describe('classifyConversationalAct', () => {
  it.each([
    ['hi there', 'greeting'],
    ['good afternoon', 'greeting'],
    ['hello, is this Acme internet', 'greeting'],
    ['ok thanks', 'affirm'],
    ['yes please', 'affirm'],
    ['no', 'deny'],
    ['no thanks', 'deny'],
    ['I have a few questions', 'preamble'],
    ["I'm calling about my bill", 'preamble'],
    ["ok I'll do it in the app", 'acknowledgement'],
    ['got it, it was on the bottom, thanks', 'acknowledgement'],
    ['autopay sounds good', 'acknowledgement'],
  ])('classifies "%s" as %s', (text, expected) => {
    expect(act(text)).toBe(expected);
  });

  it.each([
    'ok, and how much is the fast plan',
    'perfect. and can I upgrade in the app',
    "hi my wifi isn't working",
    'what are your hours',
  ])('leaves "%s" to the intent matcher', (text) => {
    expect(act(text)).toBeUndefined();
  });
});

describe('isQuestion', () => {
  it('sees question marks, question words and inverted clauses', () => {
    expect(isQuestion(normalizeText('is there a data cap'))).toBe(true);
    expect(isQuestion(normalizeText('great. and can I upgrade'))).toBe(true);
    expect(isQuestion(normalizeText('my router is blinking'))).toBe(false);
    expect(isQuestion(normalizeText('really?'))).toBe(true);
  });
});
