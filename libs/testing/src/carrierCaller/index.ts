export { CarrierCaller, type PlayOptions } from './carrierCaller';
export { CallerClosedError, UpgradeRefusedError } from './callerErrors';
export { concatSamples, loadCallerAudio } from './callerAudio';
export { callerCodec, type CallerCodec } from './callerCodec';
export { signTwilioRequest } from './twilioRequestSignature';
export type {
  CallerEncoding,
  CarrierCallerOptions,
  CarrierKind,
  CloseInfo,
  GatewayFrame,
  ReceivedFrame,
} from './callerTypes';
