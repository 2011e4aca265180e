/**
 * Test support for the examples: real calls through the gateway of `@warmline/local-stack`, local-stack's
 * Twilio stand-in as the carrier's REST API and the human's line, and a check of what the caller heard.
 */
export {
  LocalCallRig,
  SIP_USER,
  type RigCall,
  type RigDial,
  type RigOptions,
} from './localCallRig';
export { SipParties, writeCallerScript, type CalleeAnswer, type ScriptPart } from './sipParties';
export { envelope, envelopeMatch } from './envelopeMatch';
