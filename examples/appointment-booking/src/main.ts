import { runExample } from '@warmline/example-kit';
import { runBooking } from './app';
import { MongoBookingStore } from './mongoBookingStore';

runExample('appointment-booking', { recognizer: true, mongo: true }, (ctx) => {
  runBooking({
    client: ctx.client,
    recognizer: ctx.recognizer!,
    synthesizer: ctx.synthesizer,
    store: new MongoBookingStore(ctx.db!),
    timeZone: process.env.BOOKING_TIME_ZONE ?? 'UTC',
    listener: { sampleRate: ctx.config.sampleRate },
    logger: ctx.logger,
  });
});
