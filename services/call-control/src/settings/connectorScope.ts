/**
 * The connectors a credential (API key or client certificate) may use: every connector
 * (`"*"` in configuration) or a list.
 */
export type ConnectorScope =
  { readonly kind: 'all' } | { readonly kind: 'some'; readonly connectorIds: ReadonlySet<string> };

/** Reads `"*"` or a list of connector ids. */
export function toConnectorScope(value: '*' | readonly string[]): ConnectorScope {
  return value === '*' ? { kind: 'all' } : { kind: 'some', connectorIds: new Set(value) };
}

/** Whether a scope allows a connector. */
export function scopeAllows(scope: ConnectorScope, connectorId: string): boolean {
  return scope.kind === 'all' || scope.connectorIds.has(connectorId);
}
