import type {
  AudioFrame,
  GatewayInstruction,
  GatewayInstructionResult,
  GatewaySignal,
  PlaybackControl,
  PlaybackProgress,
  StartCallRequest,
  StartCallResponse,
} from '@warmline/contracts';

/** A subscription or responder to end at teardown. */
export interface Closable {
  close(): Promise<void>;
}

/**
 * Everything a call in this gateway says and hears on the bus, per the
 * gateway ↔ call-control contract (proto/warmline/media/v1/media.proto).
 */
export interface GatewayBus {
  /** `StartCallRequest` → call-control (request/reply on `cmd.call-control.start`), retried with the same call id. */
  startCall(request: StartCallRequest): Promise<StartCallResponse>;
  /** A 20 ms caller frame on `media.<callId>.in` (core NATS). */
  publishCallerFrame(frame: AudioFrame): void;
  /** What the caller heard of an utterance, on `media.<callId>.progress`. */
  publishProgress(progress: PlaybackProgress): void;
  /** A leg fact on JetStream `sig.gateway.<callId>`, msg id = signal id (retried until stored or given up). */
  publishSignal(signal: GatewaySignal): Promise<void>;
  /** Agent audio for a call (`media.<callId>.out`). */
  onAgentAudio(callId: string, handler: (frame: AudioFrame) => void): Closable;
  /** Playback control (`media.<callId>.control`). */
  onPlaybackControl(callId: string, handler: (control: PlaybackControl) => void): Closable;
  /** Answers call-control's instructions for a call (`gw.call.<callId>`). */
  serveInstructions(
    callId: string,
    handler: (instruction: GatewayInstruction) => Promise<GatewayInstructionResult>,
  ): Closable;
}
