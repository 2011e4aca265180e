import { runExample } from '@warmline/example-kit';
import { runGeminiBridge } from './bridge';
import { END_CALL_TOOL, GEMINI_LIVE_URL, TRANSFER_TOOL } from './domain/liveProtocol';
import { LiveSession } from './liveSession';

const INSTRUCTION =
  'You answer the phone for Acme Internet. Be brief and friendly. If the caller asks for a person, is upset, or needs something you cannot do, call transfer_to_human. When the caller is done, say goodbye and call end_call.';

runExample('gemini-live-bridge', {}, (ctx) => {
  const apiKey = process.env.GEMINI_API_KEY ?? '';
  if (!apiKey) throw new Error('GEMINI_API_KEY is required');
  runGeminiBridge({
    client: ctx.client,
    openSession: () =>
      LiveSession.open({
        url: process.env.GEMINI_LIVE_URL ?? GEMINI_LIVE_URL,
        apiKey,
        setup: {
          model:
            process.env.GEMINI_LIVE_MODEL ?? 'models/gemini-2.5-flash-native-audio-preview-12-2025',
          systemInstruction: process.env.GEMINI_LIVE_INSTRUCTION ?? INSTRUCTION,
          tools: [TRANSFER_TOOL, END_CALL_TOOL],
          ...(process.env.GEMINI_LIVE_VOICE ? { voiceName: process.env.GEMINI_LIVE_VOICE } : {}),
        },
      }),
    sampleRate: ctx.config.sampleRate,
    briefing: process.env.WARMLINE_BRIEFING === 'off' ? undefined : ctx.synthesizer,
    logger: ctx.logger,
  });
});
