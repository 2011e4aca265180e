import { runExample } from '@warmline/example-kit';
import { runCoaching } from './app';

runExample('call-coaching', { recognizer: true }, (ctx) => {
  runCoaching({
    client: ctx.client,
    recognizer: ctx.recognizer!,
    synthesizer: ctx.synthesizer,
    listener: { sampleRate: ctx.config.sampleRate },
    logger: ctx.logger,
  });
});
