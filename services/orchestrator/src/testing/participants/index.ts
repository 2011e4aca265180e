/**
 * Contract participants: stand-ins for the services the orchestrator talks to (context-store,
 * tts + gateway, call-control, stt's voicemail) that follow the contracts in proto/ and proto/README.md, for
 * integration tests until the real services are wired in.
 */
export * from './callControlParticipant';
export * from './callEvents';
export * from './contextStoreParticipant';
export * from './heldOutcomes';
export * from './sttVoicemailParticipant';
export * from './ttsGatewayParticipant';
export * from './gatewayParticipant';
