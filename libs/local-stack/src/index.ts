/**
 * @warmline/local-stack: nats-server, FerretDB and every Warmline service as its own process on
 * loopback, for the demo (`scripts/start.sh`), the end-to-end tests and the benchmark.
 */
export * from './startLocalStack';
export * from './serviceNames';
export * from './errors';
export { DEFAULT_CARRIER_ACCOUNT, type LocalCarrierAccount } from './demoCarrier';
export type { CallHandlerName } from './serviceSpecs';
export { formatLogLine } from './logFormat';
export * from './call/callWatcher';
export * from './call/scriptedCall';
export * from './call/callerVoice';
export { timelineLine, turnTimings, type TimelineLine, type TurnTimings } from './call/timeline';
export { fetchCallContext } from './demo/contextClient';
export { formatContext } from './demo/formatContext';
export * from './carrier/localTwilioCarrier';
export { PhoneCall } from './carrier/phoneCall';
export { parseDialTwiml, type DialRequest } from './carrier/dialTwiml';
export { SipPhone, SipPhoneError } from './sip/sipPhone';
export { speechMsOf, speechSpans, type SpeechSpan } from './sip/speechSpans';
