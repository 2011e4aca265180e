const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for an XML attribute or element body. */
export const xmlEscape = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c]!);
