import { isSampleRate } from '@warmline/audio';
import type { EventSubscription } from '@warmline/bus';
import {
  CallState,
  type MediaOpen,
  type StreamMediaRequest,
  type StreamMediaResponse,
  TerminationReason,
  isSubjectToken,
} from '@warmline/contracts';
import type { Logger } from '@warmline/telemetry';
import type { CallStore } from '../calls/callStore';
import { type ConnectorScope, scopeAllows } from '../settings/connectorScope';
import { AgentUplink } from './agentUplink';
import { asBuffer } from './asBuffer';
import { CallerDownlink } from './callerDownlink';
import { MediaStreamError } from './mediaErrors';
import type { MediaBusPort } from './mediaPorts';

/** What a media channel needs from the app. */
export interface MediaChannelDeps {
  readonly store: CallStore;
  readonly media: MediaBusPort;
  readonly clock: () => number;
  readonly newId: () => string;
  readonly bufferMs: number;
  readonly log: Logger;
}

/** Where a media channel's responses go (the gRPC stream). */
export interface MediaSink {
  send(message: StreamMediaResponse): void;
  /** Ends the stream: OK without an error, else with the error's status. */
  end(error?: MediaStreamError): void;
}

interface OpenMedia {
  readonly callId: string;
  readonly uplink: AgentUplink;
  readonly stopDownlink: () => void;
  readonly events: EventSubscription;
}

/**
 * One call's media connection for an SDK client (StreamMedia): caller audio down at the
 * client's rate, agent audio up through a bounded, paced, pull-filled buffer, clear for
 * barge-in, and MediaEnd when the call ends or the agent leaves. Problems end this stream
 * with a typed error; the call itself goes on.
 */
export class MediaChannel {
  private open: OpenMedia | undefined;
  private closed = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: MediaChannelDeps,
    private readonly scope: ConnectorScope,
    private readonly sink: MediaSink,
  ) {}

  /** Handles one client message, in order. */
  handle(request: StreamMediaRequest): Promise<void> {
    this.queue = this.queue
      .then(() => this.dispatch(request))
      .catch((error: unknown) => {
        this.fail(
          error instanceof MediaStreamError
            ? error
            : new MediaStreamError('FAILED_PRECONDITION', 'media stream failed'),
        );
        if (!(error instanceof MediaStreamError)) {
          this.deps.log.error({ err: error }, 'media stream failed');
        }
      });
    return this.queue;
  }

  /** The client went away or the stream ended: releases everything. */
  close(): void {
    this.closed = true;
    const open = this.open;
    this.open = undefined;
    if (!open) return;
    open.uplink.stop();
    open.stopDownlink();
    void open.events.stop();
  }

  private async dispatch(request: StreamMediaRequest): Promise<void> {
    if (this.closed) return;
    const message = request.message;
    switch (message?.$case) {
      case 'open':
        return this.start(message.value);
      case 'audio':
        return this.audio(message.value.pcm);
      case 'clear':
        return this.clear();
      case undefined:
        throw new MediaStreamError('INVALID_ARGUMENT', 'empty media message');
    }
  }

  private async start(request: MediaOpen): Promise<void> {
    if (this.open) throw new MediaStreamError('INVALID_ARGUMENT', 'the stream is already open');
    const { callId, sampleRate } = request;
    if (!isSampleRate(sampleRate)) {
      throw new MediaStreamError(
        'INVALID_ARGUMENT',
        `sample_rate must be 8000, 16000 or 24000; got ${sampleRate}`,
      );
    }
    if (!isSubjectToken(callId)) throw new MediaStreamError('NOT_FOUND', 'no such call');
    const { call, version } = await this.deps.store.load(callId);
    if (!call.exists) throw new MediaStreamError('NOT_FOUND', `no call ${callId}`);
    if (!scopeAllows(this.scope, call.origin.connectorId)) {
      throw new MediaStreamError('PERMISSION_DENIED', `this credential may not use call ${callId}`);
    }
    if (call.state === CallState.CALL_STATE_DISCONNECTED) {
      return this.finish(
        call.terminationReason ?? TerminationReason.TERMINATION_REASON_UNSPECIFIED,
      );
    }
    const uplink = new AgentUplink({
      callId,
      rate: sampleRate,
      bufferMs: this.deps.bufferMs,
      newId: this.deps.newId,
      clock: this.deps.clock,
      publish: (frame) => this.deps.media.publishAgentAudio(frame),
      pull: (bytes) => this.sink.send({ message: { $case: 'pull', value: { bytes } } }),
    });
    const downlink = new CallerDownlink(sampleRate);
    const stopDownlink = this.deps.media.onCallerAudio(callId, (frame) => {
      const pcm = asBuffer(downlink.convert(frame));
      this.sink.send({ message: { $case: 'audio', value: { pcm } } });
    });
    const events = await this.deps.store.follow(callId, version + 1, (stored) => {
      const payload = stored.event.payload;
      if (payload?.$case === 'terminated') this.finish(payload.value.reason);
    });
    this.open = { callId, uplink, stopDownlink, events };
    // The client left, or the call ended, while we were opening.
    if (this.closed) return this.close();
    uplink.refill();
  }

  private audio(pcm: Uint8Array): void {
    if (!this.open) throw new MediaStreamError('FAILED_PRECONDITION', 'send MediaOpen first');
    const refusal = this.open.uplink.push(pcm);
    if (refusal === 'ODD_BYTE_COUNT') {
      throw new MediaStreamError(
        'INVALID_ARGUMENT',
        `agent audio must be 16-bit PCM with an even byte count; got ${pcm.length} bytes`,
      );
    }
    if (refusal === 'NOT_PULLED') {
      throw new MediaStreamError(
        'RESOURCE_EXHAUSTED',
        'flow control: send only the bytes a MediaPull asked for',
      );
    }
  }

  private clear(): void {
    if (!this.open) throw new MediaStreamError('FAILED_PRECONDITION', 'send MediaOpen first');
    const { callId, uplink } = this.open;
    const bytesDropped = uplink.clear();
    this.deps.media.publishControl({
      callId,
      action: { $case: 'clear', value: { reason: 'agent cleared its audio buffer' } },
    });
    this.sink.send({ message: { $case: 'cleared', value: { bytesDropped } } });
  }

  /** The call ended or the agent left: MediaEnd, then the stream ends. */
  private finish(reason: TerminationReason): void {
    if (this.closed) return;
    this.closed = true;
    this.sink.send({ message: { $case: 'end', value: { reason } } });
    this.close();
    this.sink.end();
  }

  private fail(error: MediaStreamError): void {
    if (this.closed) return;
    this.closed = true;
    this.close();
    this.sink.end(error);
  }
}
