/** Ten call-centre replies, the kind of text the agent speaks (one to two clauses each). */
export const BENCH_SENTENCES: readonly string[] = [
  'Hello, thank you for calling Warmline support.',
  'How can I help you today?',
  'I can check the status of your order for you.',
  'Could you please tell me your order number?',
  'Thank you, I found your order, and it shipped yesterday.',
  'It should arrive within three to five business days.',
  'Is there anything else I can help you with?',
  'I understand, let me connect you to a colleague who can help.',
  'Please stay on the line while I transfer your call.',
  'Thank you for your patience, and have a great day.',
];
