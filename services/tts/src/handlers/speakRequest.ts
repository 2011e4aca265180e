import type { SpeakRequest } from '@warmline/contracts';
import { WarmlineAttributes } from '@warmline/telemetry';
import { decideOnFailure } from '../domain/speak/failurePolicy';
import { type SpeakJob, toSpeakJob } from '../domain/speak/speakJob';
import type { DeliveryContext, HandlerResult } from '../adapters/speakConsumer';
import { endUtterance } from './endUtterance';
import type { SpeakHandlerDeps } from './speakDeps';
import { speakTurn } from './speakTurn';

const resolveVoice = (deps: SpeakHandlerDeps, job: SpeakJob): string => {
  const { engine } = deps.utterance;
  if (job.voice === '' || engine.supportsVoice(job.voice)) return job.voice || engine.defaultVoice;
  deps.logger.warn(
    { [WarmlineAttributes.CALL_ID]: job.callId, voice: job.voice, fallback: engine.defaultVoice },
    'voice not available, using the default',
  );
  return engine.defaultVoice;
};

/** A call already holds as many utterances as it may: retry later, and in the end drop it. */
const shed = (deps: SpeakHandlerDeps, job: SpeakJob, ctx: DeliveryContext): HandlerResult => {
  const decision = decideOnFailure({
    ...deps.retry,
    deliveryCount: ctx.deliveryCount,
    retryable: true,
    framesPublished: 0,
  });
  const fields = {
    [WarmlineAttributes.CALL_ID]: job.callId,
    [WarmlineAttributes.UTTERANCE_ID]: job.utteranceId,
  };
  if (decision.kind === 'retry') {
    deps.logger.warn(
      { ...fields, delayMs: decision.delayMs },
      'call queue full, request handed back',
    );
    return { disposition: { nak: decision.delayMs } };
  }
  deps.logger.error(fields, 'call queue full, utterance dropped');
  deps.metrics.utterance('shed', { engine: deps.utterance.engine.name });
  endUtterance(deps.utterance, job, 0);
  return { disposition: 'ack' };
};

/**
 * Handles one `SpeakRequest` from the work queue: validate (refused → term,
 * with an end of utterance when the request names its call and utterance),
 * wait for the call's turn, speak, and decide ack / nak / term. The request is
 * acked only once the utterance was fully published or cancelled, and the
 * call's next utterance starts only after that ack.
 */
export const speakRequestHandler =
  (deps: SpeakHandlerDeps) =>
  async (request: SpeakRequest, ctx: DeliveryContext): Promise<HandlerResult> => {
    const checked = toSpeakJob(request, deps.limits);
    if (!checked.ok) {
      deps.logger.warn(
        {
          [WarmlineAttributes.CALL_ID]: checked.address?.callId,
          reason: checked.reason,
          seq: ctx.streamSequence,
        },
        'speak request refused',
      );
      deps.metrics.utterance('invalid', { engine: deps.utterance.engine.name });
      if (checked.address) {
        endUtterance(
          deps.utterance,
          { ...checked.address, sampleRate: deps.limits.defaultSampleRate },
          0,
        );
      }
      return { disposition: 'term' };
    }
    const { job } = checked;
    if (ctx.deliveryCount === 1) deps.metrics.received(job.issuedAtMs, deps.utterance.wallNow());
    const voice = resolveVoice(deps, job);
    const admission = await deps.scheduler.admit(job.callId, {
      seq: ctx.streamSequence,
      utteranceId: job.utteranceId,
      textBytes: Buffer.byteLength(job.text),
    });
    switch (admission.kind) {
      case 'cancelled':
        deps.metrics.utterance('cancelled', { engine: deps.utterance.engine.name });
        return { disposition: 'ack' };
      case 'stopping':
        return { disposition: { nak: 0 } }; // another replica takes it now
      case 'queue-full':
        return shed(deps, job, ctx);
      case 'turn':
        return speakTurn(deps, job, voice, admission, ctx).catch((error: unknown) => {
          admission.done(); // never leave the call's next utterance waiting
          throw error;
        });
    }
  };
