import { setTimeout as sleep } from 'node:timers/promises';
import { Resampler, pcmFromBytes, pcmToBytes } from '@warmline/audio';
import { type SpeechSynthesizer, isHangUp } from '@warmline/example-kit';
import {
  type ActiveCall,
  CallCommandError,
  type WarmlineClient,
  type WarmlineLogger,
  briefCallee,
  events,
} from '@warmline/sdk';
import { END_CALL_TOOL, type FunctionCall, TRANSFER_TOOL } from './domain/liveProtocol';
import type { LiveSession } from './liveSession';

/** What {@link runGeminiBridge} needs. */
export interface BridgeDeps {
  readonly client: WarmlineClient;
  /** Opens a Gemini Live session (before the call is answered, so the greeting is not late). */
  readonly openSession: () => Promise<LiveSession>;
  /** The client's sample rate; default 16 000 (Gemini's input rate). */
  readonly sampleRate?: number;
  /** Whispers a briefing to the callee after a transfer (needs a TTS); none by default. */
  readonly briefing?: SpeechSynthesizer;
  readonly ringTimeSeconds?: number;
  readonly logger?: WarmlineLogger;
}

/** How a bridged call ended. */
export type BridgeOutcome = 'transferred' | 'transfer-failed' | 'ended-by-model' | 'hung-up';

/** Waits until the platform has taken all queued audio (`playoutMs` more for its buffer). */
async function drained(call: ActiveCall, playoutMs = 500): Promise<void> {
  while (call.state !== 'DISCONNECTED' && call.getSendAudioBufferSize() > 0) await sleep(50);
  if (call.state !== 'DISCONNECTED') await sleep(playoutMs);
}

/**
 * One call bridged to Gemini Live, the seed's three loops: caller audio up
 * (`realtimeInput`), model audio down (`inlineData` → `sendAudio`, resampled to the call's
 * rate), and the model's signals: `interrupted` clears the send buffer (barge-in), a
 * `transfer_to_human` call is answered, the line finishes, then `connect()` (and, with
 * `briefing`, a whispered summary) and `close()`; `end_call` hangs up.
 */
export async function bridgeCall(call: ActiveCall, deps: BridgeDeps): Promise<BridgeOutcome> {
  const rate = deps.sampleRate ?? 16_000;
  const session = await deps.openSession();
  const uplink = (async () => {
    for await (const chunk of call.audioStream()) session.sendAudio(chunk, rate);
  })().catch(() => undefined);
  const resamplers = new Map<number, Resampler>();
  const toCall = (pcm: Uint8Array, from: number): Uint8Array => {
    if (from === rate) return pcm;
    let resampler = resamplers.get(from);
    if (!resampler) resamplers.set(from, (resampler = new Resampler(from, rate)));
    return pcmToBytes(resampler.process(pcmFromBytes(pcm)));
  };
  try {
    await call.answer();
    for await (const event of session.events()) {
      switch (event.kind) {
        case 'audio':
          await call.sendAudio(toCall(event.pcm, event.rate));
          break;
        case 'interrupted':
          await call.clearSendAudioBuffer();
          break;
        case 'toolCall': {
          const outcome = await onToolCalls(call, session, event.calls, deps);
          if (outcome) return outcome;
          break;
        }
        default:
          break;
      }
    }
    return call.state === 'DISCONNECTED' ? 'hung-up' : 'ended-by-model';
  } catch (error) {
    if (isHangUp(error, call)) return 'hung-up';
    throw error;
  } finally {
    session.close();
    await Promise.race([uplink, sleep(1_000)]);
  }
}

async function onToolCalls(
  call: ActiveCall,
  session: LiveSession,
  calls: readonly FunctionCall[],
  deps: BridgeDeps,
): Promise<BridgeOutcome | undefined> {
  for (const fn of calls) {
    if (fn.name === TRANSFER_TOOL.name) {
      session.sendToolResponse([{ id: fn.id, name: fn.name, response: { transferring: true } }]);
      await drained(call);
      try {
        await call.connect({ ringTimeSeconds: deps.ringTimeSeconds ?? 30 });
      } catch (error) {
        if (!(error instanceof CallCommandError)) throw error;
        await call.disconnect();
        return 'transfer-failed';
      }
      const text = (key: string) => (typeof fn.args[key] === 'string' ? String(fn.args[key]) : '');
      const synthesizer = deps.briefing;
      await briefCallee(
        call,
        { reason: text('reason') || 'they asked for a person', tried: text('summary') },
        { enabled: synthesizer !== undefined, speak: (line) => synthesizer!.synthesize(line) },
      );
      return 'transferred';
    }
    if (fn.name === END_CALL_TOOL.name) {
      session.sendToolResponse([{ id: fn.id, name: fn.name, response: { ended: true } }]);
      await drained(call);
      await call.disconnect();
      return 'ended-by-model';
    }
    session.sendToolResponse([
      { id: fn.id, name: fn.name, response: { error: `unknown function ${fn.name}` } },
    ]);
  }
  return undefined;
}

/** Registers the bridge on `deps.client`; returns a function that removes it. */
export function runGeminiBridge(deps: BridgeDeps): () => void {
  const onCall = async (call: ActiveCall): Promise<void> => {
    try {
      const outcome = await bridgeCall(call, deps);
      deps.logger?.info('bridged call ended', { callId: call.callId, outcome });
    } catch (error) {
      deps.logger?.error('bridge failed', { callId: call.callId, error: String(error) });
      if (call.state !== 'DISCONNECTED') await call.disconnect().catch(() => undefined);
    }
  };
  deps.client.on(events.INCOMING_CALL, onCall);
  return () => void deps.client.off(events.INCOMING_CALL, onCall);
}
