import type { CallCommandName } from '../errors/callErrors';
import type { CallState } from './callState';
import { localVerdict } from './commandRules';

const commands: CallCommandName[] = [
  'answer',
  'connect',
  'close',
  'disconnect',
  'barge',
  'whisper',
  'spy',
];

const table: Record<CallState, Record<CallCommandName, string>> = {
  PENDING: {
    answer: 'ask',
    connect: 'ask',
    close: 'ask',
    disconnect: 'ask',
    barge: 'ask',
    whisper: 'ask',
    spy: 'ask',
  },
  ANSWERED: {
    answer: 'wrong_state',
    connect: 'ask',
    close: 'ask',
    disconnect: 'ask',
    barge: 'ask',
    whisper: 'ask',
    spy: 'ask',
  },
  CONNECTED: {
    answer: 'wrong_state',
    connect: 'wrong_state',
    close: 'ask',
    disconnect: 'ask',
    barge: 'ask',
    whisper: 'ask',
    spy: 'ask',
  },
  DISCONNECTED: {
    answer: 'closed',
    connect: 'closed',
    close: 'closed',
    disconnect: 'closed',
    barge: 'closed',
    whisper: 'closed',
    spy: 'closed',
  },
};

describe('localVerdict: refuse locally only when certain', () => {
  it.each(Object.keys(table) as CallState[])('in %s', (state) => {
    for (const command of commands)
      expect([command, localVerdict(state, command)]).toEqual([command, table[state][command]]);
  });
});
