import { runExample } from '@warmline/example-kit';
import { runReception } from './app';
import { MongoReceptionStore } from './mongoReceptionStore';

runExample('database-lookup', { mongo: true }, (ctx) => {
  runReception({
    client: ctx.client,
    synthesizer: ctx.synthesizer,
    store: new MongoReceptionStore(ctx.db!),
    logger: ctx.logger,
  });
});
