import { runExample } from '@warmline/example-kit';
import { runHumanEscalation } from './app';
import { MongoContextStore } from './mongoContextStore';
import { profileDecider } from './turnDecider';

runExample('human-escalation', { recognizer: true, mongo: true }, (ctx) => {
  runHumanEscalation({
    client: ctx.client,
    recognizer: ctx.recognizer!,
    synthesizer: ctx.synthesizer,
    decide: profileDecider(),
    contextStore: new MongoContextStore(ctx.db!),
    sampleRate: ctx.config.sampleRate,
    briefing: process.env.WARMLINE_BRIEFING !== 'off',
    logger: ctx.logger,
  });
});
