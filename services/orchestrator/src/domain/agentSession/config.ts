/** What the built-in agent says on its own, outside any escalation. Durations in ms. */
export interface AgentSessionConfig {
  /** Said as soon as the call is answered. */
  readonly greeting: string;
  /** Said when the AI ends the call, before it hangs up. */
  readonly goodbye: string;
  /** Hang up anyway if the goodbye is not reported played within this long. */
  readonly goodbyeTimeoutMs: number;
}

/** The defaults, close to the agent profile's. */
export const defaultAgentSessionConfig: AgentSessionConfig = {
  greeting: 'Thanks for calling. How can I help you today?',
  goodbye: 'Thanks for calling. Goodbye!',
  goodbyeTimeoutMs: 15_000,
};
