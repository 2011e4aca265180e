import { normalizeText } from '../text/normalizeText';
import { detectHumanRequest } from './detectHumanRequest';

const detect = (text: string, phrases: readonly string[] = []) =>
  detectHumanRequest(
    normalizeText(text),
    phrases.map((p) => normalizeText(p).tokens),
  );

describe('detectHumanRequest', () => {
  it.each([
    'can I speak to a human',
    'I want to talk to a person',
    'get me an agent',
    'let me speak to your supervisor',
    'I wanna speak to a manager',
    'can you transfer me to customer service',
    'is there a human I can talk to',
    'connect me with a rep',
    "I'd rather talk to a person if that's ok",
    'could you put a real person on the phone',
    'I need to speak with an actual person, not a machine',
    "I've been on hold forever, just give me a person",
    'can I talk to somebody in sales',
    'I want to speak with someone who actually works there',
    "why can't I just talk to a person",
    'can I have a representative please',
  ])('fires on "%s"', (text) => {
    expect(detect(text).requested).toBe(true);
  });

  it.each([
    'operator',
    'representative',
    'agent please',
    'HUMAN!',
    'a real person please',
    'customer service please',
  ])('fires on the bare request "%s"', (text) => {
    expect(detect(text).requested).toBe(true);
  });

  it.each([
    ['can I speak to a human bean', 'human'],
    ['can I talk to a real purse in', 'person'],
    ['get me a gent please', 'agent'],
    ['speak to a represented of', 'representative'],
    ["I'd rather speak to a real pearson", 'person'],
    ['represent a tive', 'representative'],
  ])('survives the recognition error "%s"', (text, term) => {
    expect(detect(text)).toEqual({ requested: true, negated: false, evidence: term });
  });

  it.each([
    "I don't want to talk to a robot",
    "I don't want a machine",
    'I am not talking to a computer',
  ])('treats refusing the machine as a request: "%s"', (text) => {
    expect(detect(text).requested).toBe(true);
  });

  it.each(['put me through', 'transfer me please'])('fires on the transfer phrase "%s"', (text) => {
    expect(detect(text).requested).toBe(true);
  });

  it.each([
    "I don't need a person, just tell me the hours",
    "I don't want a human",
    "no I don't want to talk to anyone, I just need the wifi password",
    "I don't need to speak to a human, I just want to pay my bill",
  ])('reports "%s" as negated, not requested', (text) => {
    expect(detect(text)).toEqual({ requested: false, negated: true });
  });

  it.each([
    'are you a real person',
    'am I talking to a machine',
    'is this a human',
    'the agent I talked to yesterday told me to restart my modem',
    'I spoke to a representative yesterday',
    'is there someone who can come out and fix my line',
    'someone is using my wifi',
    'I need a technician visit',
    'can I pay in person',
    'I want to manage my account',
    'can you transfer my service to my new address',
    'your customer service is terrible',
    'I want to talk about my bill',
  ])('does not fire on "%s"', (text) => {
    expect(detect(text).requested).toBe(false);
  });

  it('uses the profile phrases, negation-aware', () => {
    expect(detect('I need someone real', ['someone real'])).toEqual({
      requested: true,
      negated: false,
      evidence: 'someone real',
    });
    expect(detect("I don't need someone real", ['someone real']).requested).toBe(false);
  });
});
