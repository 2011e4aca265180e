/** What a short caller reply means to a yes/no question. */
export type ReplyIntent = 'yes' | 'no' | 'human' | 'unclear';

const HUMAN = /\b(human|person|agent|operator|someone|somebody|representative|receptionist)\b/;
const NO = /\b(no|nope|not|don't|dont|never|later|another|other|different|next|wrong)\b/;
const YES = /\b(yes|yeah|yep|yup|sure|correct|okay|ok|right|confirm|please|fine|great|good)\b/;

/**
 * Classifies a recognised reply (lower case words). Asking for a person wins, then a refusal
 * ("no", "not that one", "another"), then agreement; anything else is `unclear`. Pure.
 */
export function replyIntent(text: string): ReplyIntent {
  const words = text.toLowerCase();
  if (HUMAN.test(words)) return 'human';
  if (NO.test(words)) return 'no';
  if (YES.test(words)) return 'yes';
  return 'unclear';
}
