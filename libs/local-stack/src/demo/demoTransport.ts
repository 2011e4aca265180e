import type { CallWatcher } from '../call/callWatcher';
import type { CallerLine, ScriptedCall } from '../call/scriptedCall';
import type { LocalStack, LocalStackOptions } from '../startLocalStack';

/** Prints one timeline line (`actor`, `text`) at the current offset. */
export type PrintLine = (actor: string, text: string) => void;

/** What differs between the demo over Twilio Media Streams and over SIP. */
export interface DemoTransport {
  /** Lines that say who plays the other parties, printed before the stack starts. */
  readonly intro: readonly string[];
  /** What the stack needs for this transport. */
  readonly stackOptions: Partial<LocalStackOptions>;
  /** Places the call; `print` shows the transport's own events on the timeline. */
  place(
    stack: LocalStack,
    watcher: CallWatcher,
    print: PrintLine,
  ): Promise<ScriptedCall<CallerLine>>;
  /** After the hand-off: the caller talks to the human, then hangs up. */
  talkToHumanAndHangUp(call: ScriptedCall<CallerLine>, print: PrintLine): Promise<void>;
  /** Lines printed after the call (e.g. where the human's recording is). */
  report(logDir: string): Promise<readonly string[]>;
  /** Where a caller reaches the kept stack (`--keep`). */
  keepLines(stack: LocalStack): readonly string[];
  close(): Promise<void>;
}
