/**
 * Test support for the examples: real calls through the gateway of `@warmline/local-stack`, a
 * contract double of Twilio's REST API and callee, and a check of what the caller heard.
 */
export { TwilioDouble, type CalleeBehaviour, type DialRequest } from './twilioDouble';
export { LocalCallRig, SIP_USER, type RigCall, type RigOptions } from './localCallRig';
export { SipParties, writeCallerScript, type ScriptPart } from './sipParties';
export { envelope, envelopeMatch } from './envelopeMatch';
