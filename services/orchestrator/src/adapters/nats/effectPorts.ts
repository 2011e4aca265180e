import { type Bus, protoCodec, publishToStream, request } from '@warmline/bus';
import {
  CallCommand,
  RecordVoicemailRequest,
  RecordVoicemailResponse,
  SaveContextRequest,
  SaveContextResponse,
  SpeakRequest,
  subjects,
} from '@warmline/contracts';
import type { EffectPorts } from '../../runner/ports';
import { createTimerPort } from './timerPort';

const codecs = {
  saveRequest: protoCodec(SaveContextRequest),
  saveResponse: protoCodec(SaveContextResponse),
  speak: protoCodec(SpeakRequest),
  command: protoCodec(CallCommand),
  voicemailRequest: protoCodec(RecordVoicemailRequest),
  voicemailResponse: protoCodec(RecordVoicemailResponse),
};

/**
 * The effect ports on NATS: request/reply for the context and the voicemail, JetStream work
 * queues (with `Nats-Msg-Id` = utterance or command id) for speech and call commands, and
 * JetStream message schedules for timers.
 */
export const createEffectPorts = (bus: Bus, requestTimeoutMs: number): EffectPorts => ({
  saveContext: (value) =>
    request(bus, subjects.saveContext, codecs.saveRequest, value, codecs.saveResponse, {
      timeoutMs: requestTimeoutMs,
    }),
  recordVoicemail: (value) =>
    request(
      bus,
      subjects.recordVoicemail(value.callId),
      codecs.voicemailRequest,
      value,
      codecs.voicemailResponse,
      { timeoutMs: requestTimeoutMs },
    ),
  speak: async (value) => {
    await publishToStream(bus, subjects.speak(value.callId), codecs.speak, value, {
      msgId: value.utteranceId,
    });
  },
  sendCallCommand: async (value) => {
    await publishToStream(bus, subjects.callCommands(value.callId), codecs.command, value, {
      msgId: value.commandId,
    });
  },
  ...createTimerPort(bus),
});
