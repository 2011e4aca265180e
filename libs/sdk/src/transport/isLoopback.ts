/** The host part of `host:port`, `[v6]:port` or a bare host. */
export function hostOf(address: string): string {
  const withoutScheme = address.replace(/^[a-z]+:\/\/\/?/i, '');
  if (withoutScheme.startsWith('[')) return withoutScheme.slice(1, withoutScheme.indexOf(']'));
  const colons = withoutScheme.split(':').length - 1;
  if (colons > 1) return withoutScheme; // a bare IPv6 address
  return withoutScheme.split(':')[0] ?? '';
}

/** Whether `address` names this machine (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackAddress(address: string): boolean {
  const host = hostOf(address).toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
