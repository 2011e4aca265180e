import { runExample } from '@warmline/example-kit';
import { runNotifications } from './app';
import { MongoNotificationStore } from './mongoNotificationStore';

runExample('interactive-notifications', { recognizer: true, mongo: true }, (ctx) => {
  runNotifications({
    client: ctx.client,
    recognizer: ctx.recognizer!,
    synthesizer: ctx.synthesizer,
    store: new MongoNotificationStore(ctx.db!),
    listener: { sampleRate: ctx.config.sampleRate },
    logger: ctx.logger,
  });
});
