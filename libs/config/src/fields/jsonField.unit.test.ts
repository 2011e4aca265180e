import { z } from 'zod';
import { loadConfig } from '../loadConfig';
import { jsonField } from './jsonField';

const schema = z.object({
  ROUTES: jsonField(
    'a map of connector to handler',
    z.record(z.string(), z.enum(['sdk', 'agent'])),
  ),
});

describe('jsonField', () => {
  it('parses JSON that matches the schema, typed by it', () => {
    const config = loadConfig(schema, { ROUTES: '{"support":"agent","sales":"sdk"}' });
    expect(config.ROUTES).toEqual({ support: 'agent', sales: 'sdk' });
  });

  it.each([
    ['invalid JSON', '{support:'],
    ['JSON of the wrong shape', '{"support":"robot"}'],
  ])('rejects %s, naming the variable and what was expected', (_what, raw) => {
    expect(() => loadConfig(schema, { ROUTES: raw })).toThrow(
      /ROUTES: .*JSON: a map of connector to handler/,
    );
  });
});
