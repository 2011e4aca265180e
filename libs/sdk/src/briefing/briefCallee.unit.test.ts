import type { CallState } from '../domain/callState';
import {
  AgentModeNotSupportedError,
  CallClosedError,
  CallCommandError,
} from '../errors/callErrors';
import { type BriefableCall, briefCallee } from './briefCallee';

/** A call double that records what the helper did, in order. */
class RecordingCall implements BriefableCall {
  readonly callId = 'call-1';
  state: CallState = 'CONNECTED';
  readonly steps: string[] = [];
  private buffered = 0;

  constructor(private readonly whisperFails?: Error) {}

  async whisper(): Promise<void> {
    this.steps.push('whisper');
    if (this.whisperFails) throw this.whisperFails;
  }

  async sendAudio(pcm: Uint8Array): Promise<void> {
    this.steps.push(`sendAudio:${pcm.byteLength}`);
    this.buffered = pcm.byteLength;
    setTimeout(() => {
      this.steps.push('drained');
      this.buffered = 0;
    }, 30);
  }

  getSendAudioBufferSize(): number {
    return this.buffered;
  }

  async close(): Promise<void> {
    this.steps.push('close');
    this.state = 'DISCONNECTED';
  }
}

const speak = async (text: string) => new Uint8Array(text.length * 2);
const briefing = { reason: 'they asked to speak to a person', callerName: 'Ana' };

describe('briefCallee', () => {
  it('whispers, speaks the briefing, waits until it was taken, then leaves', async () => {
    const call = new RecordingCall();
    const spoken: string[] = [];
    const outcome = await briefCallee(call, briefing, {
      speak: async (text) => {
        spoken.push(text);
        return speak(text);
      },
      playoutMs: 0,
      pollMs: 5,
    });
    const line = 'Transferring Ana: they asked to speak to a person.';
    expect(outcome).toEqual({ briefed: true, text: line });
    expect(spoken).toEqual([line]);
    expect(call.steps).toEqual(['whisper', `sendAudio:${line.length * 2}`, 'drained', 'close']);
  });

  it('only leaves when the briefing is off', async () => {
    const call = new RecordingCall();
    const outcome = await briefCallee(call, briefing, { speak, enabled: false });
    expect(outcome.briefed).toBe(false);
    expect(call.steps).toEqual(['close']);
  });

  it('skips the briefing but still leaves when WHISPER is refused', async () => {
    const call = new RecordingCall(
      new CallCommandError('call-1', 'whisper', 'WRONG_MODE', 'refused'),
    );
    const outcome = await briefCallee(call, briefing, { speak, playoutMs: 0 });
    expect(outcome.briefed).toBe(false);
    expect(call.steps).toEqual(['whisper', 'close']);
  });

  it("skips the briefing but still leaves when the call's transport cannot whisper", async () => {
    const call = new RecordingCall(
      new AgentModeNotSupportedError('call-1', 'whisper', 'WHISPER is not supported'),
    );
    const outcome = await briefCallee(call, briefing, { speak, playoutMs: 0 });
    expect(outcome.briefed).toBe(false);
    expect(call.steps).toEqual(['whisper', 'close']);
  });

  it('lets a hang-up surface instead of leaving', async () => {
    const call = new RecordingCall(new CallClosedError('ended', 'call-1'));
    await expect(briefCallee(call, briefing, { speak })).rejects.toBeInstanceOf(CallClosedError);
    expect(call.steps).toEqual(['whisper']);
  });
});
