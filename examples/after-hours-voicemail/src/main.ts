import { runExample } from '@warmline/example-kit';
import { runVoicemail } from './app';
import { parseBusinessHours } from './domain/businessHours';
import { MongoVoicemailStore } from './mongoVoicemailStore';
import { webhookNotifier } from './webhookNotifier';

runExample('after-hours-voicemail', { recognizer: true, mongo: true }, (ctx) => {
  const webhook = process.env.VOICEMAIL_WEBHOOK_URL;
  runVoicemail({
    client: ctx.client,
    recognizer: ctx.recognizer!,
    synthesizer: ctx.synthesizer,
    store: new MongoVoicemailStore(ctx.db!),
    hours: parseBusinessHours(process.env.BUSINESS_HOURS ?? 'mon-fri 09:00-17:00 UTC'),
    notify: webhook ? webhookNotifier(webhook) : undefined,
    sampleRate: ctx.config.sampleRate,
    logger: ctx.logger,
  });
});
