/** @warmline/example-gemini-live-bridge: a phone call bridged to Gemini Live on @warmline/sdk. */
export { bridgeCall, runGeminiBridge, type BridgeDeps, type BridgeOutcome } from './bridge';
export { LiveSession, LiveSessionError, type LiveSessionOptions } from './liveSession';
export {
  END_CALL_TOOL,
  GEMINI_LIVE_URL,
  LiveProtocolError,
  TRANSFER_TOOL,
  audioInputMessage,
  parseServerMessage,
  setupMessage,
  toolResponseMessage,
  type FunctionCall,
  type FunctionDeclaration,
  type FunctionResponse,
  type LiveEvent,
  type LiveSetup,
} from './domain/liveProtocol';
