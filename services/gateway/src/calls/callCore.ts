import type {
  AudioFrame,
  GatewayInstruction,
  GatewayInstructionResult,
  StartCallRequest,
} from '@warmline/contracts';
import { pcmFromBytes } from '@warmline/audio';
import type { Logger } from '@warmline/telemetry';
import { CallMediaSession, type MediaSessionOptions } from '../media/callMediaSession';
import { CALLER_BUS_RATE, callerAudioFrame } from './callerAudioFrame';
import type { CallDeps } from './callTypes';
import type { Closable } from './gatewayBus';
import { SignalReporter } from './signalReporter';
import type { SignalPayload } from './signals';

const DTMF_DIGIT = /^[0-9*#A-D]$/;

/** Whether a key the caller pressed is one DTMF can carry (0–9, *, #, A–D). */
export const isDtmfDigit = (digit: string): boolean => DTMF_DIGIT.test(digit);

/** How the inbound media of the transport is numbered. */
export type InboundNumbering = Pick<MediaSessionOptions, 'firstSequence' | 'sequenceModulus'>;

/** What the transport-specific call decides for the core. */
export interface CallCoreHooks {
  /** Carries out one instruction from call-control. */
  instruct(instruction: GatewayInstruction): Promise<GatewayInstructionResult>;
  /** Whether agent audio may reach the caller now (answered, agent present, not ended). */
  agentAudioOpen(): boolean;
  /** Call-control refused the call or could not be reached; the call must end. */
  notStarted(reason: 'refused by call-control' | 'call-control unavailable'): void;
}

/**
 * What every call held by this gateway does the same way, whatever its transport (carrier
 * stream or SIP): its media session wired to the bus, its subscriptions (instructions, agent
 * audio, playback clear), the StartCallRequest, the leg facts reported once call-control
 * accepted the call, and the bus side of teardown.
 */
export class CallCore {
  readonly session: CallMediaSession;
  private readonly signals: SignalReporter;
  private readonly subscriptions: Closable[] = [];
  private accepted: Promise<boolean> = Promise.resolve(false);

  constructor(
    private readonly deps: CallDeps,
    private readonly callId: string,
    private readonly log: Logger,
    numbering: InboundNumbering,
    private readonly hooks: CallCoreHooks,
  ) {
    this.signals = new SignalReporter(callId, deps.bus, () => this.accepted, log);
    this.session = new CallMediaSession(
      {
        busRate: CALLER_BUS_RATE,
        jitterDepthMs: deps.media.jitterDepthMs,
        ...numbering,
        markEveryFrames: deps.media.markEveryFrames,
        pacers: deps.media.pacers,
        clock: deps.media.clock,
      },
      {
        callerFrame: (pcm, sequence, timestampMs) =>
          deps.bus.publishCallerFrame(callerAudioFrame(callId, pcm, sequence, timestampMs)),
        playback: (report) => deps.bus.publishProgress({ callId, ...report }),
        outboundFrame: (latenessMs) => deps.observer?.outboundFrame?.(latenessMs),
      },
    );
  }

  /** Subscribes to the call's subjects: instructions, agent audio, playback control. */
  subscribe(): void {
    const { bus } = this.deps;
    this.subscriptions.push(
      bus.serveInstructions(this.callId, (instruction) => {
        this.log.debug({ instruction: instruction.action?.$case }, 'instruction');
        return this.hooks.instruct(instruction);
      }),
      bus.onAgentAudio(this.callId, (frame) => this.agentAudio(frame)),
      bus.onPlaybackControl(this.callId, (control) => {
        if (control.action?.$case === 'clear') this.session.clear();
      }),
    );
  }

  /**
   * Announces the call to call-control (StartCallRequest). Resolves false when call-control
   * refused it or could not be reached (after `notStarted`).
   */
  announce(request: StartCallRequest): Promise<boolean> {
    this.accepted = this.start(request);
    return this.accepted;
  }

  /** Reports a leg fact once call-control knows the call. */
  report(fact: SignalPayload): void {
    this.signals.report(fact);
  }

  /** Closes the subscriptions; resolves once every fact reported is stored or given up on. */
  async close(): Promise<void> {
    await Promise.allSettled(this.subscriptions.map((s) => s.close()));
    await this.signals.settled();
  }

  private agentAudio(frame: AudioFrame): void {
    if (!this.hooks.agentAudioOpen()) return;
    try {
      this.session.agentAudio(
        pcmFromBytes(frame.pcm),
        frame.sampleRate,
        frame.utteranceId,
        frame.endOfUtterance,
      );
    } catch (error) {
      this.log.warn({ err: error }, 'agent audio frame refused');
    }
  }

  private async start(request: StartCallRequest): Promise<boolean> {
    try {
      const response = await this.deps.bus.startCall(request);
      if (response.accepted) {
        this.log.info({ handler: response.handler }, 'call started');
        return true;
      }
      this.log.warn(
        { code: response.errorCode, reason: response.errorMessage },
        'call-control refused the call',
      );
      this.hooks.notStarted('refused by call-control');
      return false;
    } catch (error) {
      this.log.error({ err: error }, 'call-control did not take the call');
      this.hooks.notStarted('call-control unavailable');
      return false;
    }
  }
}
