const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD/i;
const URL_CREDENTIALS = /\/\/[^/@\s]*@/g;
const MAX_SHOWN_CHARS = 60;

/** True when a variable's name says it holds a secret (API keys, tokens, passwords). */
export const isSecretName = (name: string): boolean => SECRET_NAME.test(name);

/**
 * How a rejected value may appear in an error: quoted and shortened, with any
 * `user:password@` in a URL masked; `undefined` for secrets, which never appear.
 */
export const showableValue = (name: string, value: string): string | undefined => {
  if (isSecretName(name)) return undefined;
  const masked = value.replace(URL_CREDENTIALS, '//***@');
  const shortened =
    masked.length > MAX_SHOWN_CHARS ? `${masked.slice(0, MAX_SHOWN_CHARS)}…` : masked;
  return JSON.stringify(shortened);
};
