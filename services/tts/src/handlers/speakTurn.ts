import { isRetryable } from '@warmline/bus';
import { WarmlineAttributes, withSpan } from '@warmline/telemetry';
import type { DeliveryContext, HandlerResult } from '../adapters/speakConsumer';
import { decideOnFailure } from '../domain/speak/failurePolicy';
import type { SpeakJob } from '../domain/speak/speakJob';
import type { Turn } from '../service/callScheduler';
import { speakUtterance, type UtteranceOutcome } from '../service/speakUtterance';
import { endUtterance } from './endUtterance';
import type { SpeakHandlerDeps } from './speakDeps';

const record = (deps: SpeakHandlerDeps, job: SpeakJob, outcome: UtteranceOutcome): void => {
  const attributes = { engine: deps.utterance.engine.name, cache_hit: outcome.cacheHit };
  if (job.cacheable) deps.metrics.cacheLookup(outcome.cacheHit, attributes);
  if (outcome.firstAudioMs !== undefined) deps.metrics.firstAudio(outcome.firstAudioMs, attributes);
  if (outcome.kind === 'completed' && !outcome.cacheHit && outcome.audioMs > 0) {
    deps.metrics.realTimeFactor(outcome.engineWaitMs / outcome.audioMs, attributes);
  }
  deps.metrics.utterance(outcome.kind, attributes);
};

/** Ack, nak or term for a finished turn, ending the utterance where nothing else will. */
const settle = (
  deps: SpeakHandlerDeps,
  job: SpeakJob,
  turn: Turn,
  outcome: UtteranceOutcome,
  ctx: DeliveryContext,
): HandlerResult => {
  const done = { settled: turn.done };
  const fields = {
    [WarmlineAttributes.CALL_ID]: job.callId,
    [WarmlineAttributes.UTTERANCE_ID]: job.utteranceId,
    engine: deps.utterance.engine.name,
    frames: outcome.framesPublished,
    cacheHit: outcome.cacheHit,
  };
  switch (outcome.kind) {
    case 'completed':
      deps.logger.info(
        { ...fields, firstAudioMs: outcome.firstAudioMs, pii: { text: job.text } },
        'utterance spoken',
      );
      return { ...done, disposition: 'ack' };
    case 'cancelled':
      if (turn.cause() !== 'shutdown') {
        deps.logger.info(fields, 'utterance cancelled');
        return { ...done, disposition: 'ack' };
      }
      if (outcome.framesPublished === 0) return { ...done, disposition: { nak: 0 } };
      endUtterance(deps.utterance, job, outcome.framesPublished);
      deps.logger.warn(fields, 'utterance cut short by shutdown');
      return { ...done, disposition: 'ack' };
    case 'failed': {
      const decision = decideOnFailure({
        ...deps.retry,
        deliveryCount: ctx.deliveryCount,
        retryable: isRetryable(outcome.error),
        framesPublished: outcome.framesPublished,
      });
      const failure = { ...fields, err: outcome.error, deliveryCount: ctx.deliveryCount };
      if (decision.kind === 'retry') {
        deps.logger.warn({ ...failure, delayMs: decision.delayMs }, 'synthesis failed, will retry');
        return { ...done, disposition: { nak: decision.delayMs } };
      }
      deps.logger.error(
        { ...failure, reason: decision.reason },
        'synthesis failed, utterance ended',
      );
      endUtterance(deps.utterance, job, outcome.framesPublished);
      return { ...done, disposition: 'ack' };
    }
  }
};

/**
 * Speaks a job in its turn, inside a span (stage `tts`, call and utterance ids,
 * engine, cache hit, first-audio latency) that continues the request's trace,
 * so every frame published carries that trace.
 */
export const speakTurn = async (
  deps: SpeakHandlerDeps,
  job: SpeakJob,
  voice: string,
  turn: Turn,
  ctx: DeliveryContext,
): Promise<HandlerResult> => {
  const attributes = {
    [WarmlineAttributes.CALL_ID]: job.callId,
    [WarmlineAttributes.UTTERANCE_ID]: job.utteranceId,
    [WarmlineAttributes.STAGE]: 'tts',
    'warmline.tts.engine': deps.utterance.engine.name,
    'warmline.tts.voice': voice,
    'warmline.tts.sample_rate': job.sampleRate,
    'warmline.tts.out_of_order': turn.outOfOrder,
    ...(job.issuedAtMs > 0
      ? { 'warmline.tts.queued_ms': deps.utterance.wallNow() - job.issuedAtMs }
      : {}),
  };
  const outcome = await withSpan('tts.speak', { attributes }, async (span) => {
    const result = await speakUtterance(deps.utterance, {
      ...job,
      voice,
      signal: turn.signal,
      budget: turn.budget,
    });
    span.setAttributes({
      'warmline.tts.outcome': result.kind,
      'warmline.tts.cache_hit': result.cacheHit,
      'warmline.tts.frames': result.framesPublished,
      ...(result.firstAudioMs === undefined
        ? {}
        : { 'warmline.tts.first_audio_ms': result.firstAudioMs }),
    });
    if (result.error instanceof Error) span.recordException(result.error);
    return result;
  });
  record(deps, job, outcome);
  return settle(deps, job, turn, outcome, ctx);
};
