import type { FinalEvent, RecognitionStream } from '../engines/recognition';
import type { TurnTranscript } from '../domain/turn/turnEffects';

/** What happens to a recognition stream's partials and its end. */
export interface TurnRecognitionHandlers {
  partial(text: string): void;
  done(transcript: TurnTranscript, error: Error | undefined): void;
}

/** Joins a turn's finals: text in order, mean confidence, any keyword hit. */
export const joinFinals = (finals: readonly FinalEvent[]): TurnTranscript => {
  const confidences = finals.flatMap((f) => (f.confidence === undefined ? [] : [f.confidence]));
  return {
    text: finals
      .map((f) => f.text)
      .join(' ')
      .trim(),
    confidence: confidences.length
      ? confidences.reduce((a, b) => a + b, 0) / confidences.length
      : undefined,
    keywordHit: finals.find((f) => f.keywordHit)?.keywordHit,
  };
};

/**
 * Reads one turn's recognition stream to its end, passing partials on as they
 * come and the joined finals once the engine is done. Never rejects: an
 * engine error is handed to `done` with whatever was recognised before it.
 */
export const readTurn = async (
  stream: RecognitionStream,
  handlers: TurnRecognitionHandlers,
): Promise<void> => {
  const finals: FinalEvent[] = [];
  let error: Error | undefined;
  for await (const event of stream.events) {
    if (event.type === 'partial') handlers.partial(event.text);
    else if (event.type === 'final') finals.push(event);
    else error = event.error;
  }
  handlers.done(joinFinals(finals), error);
};
