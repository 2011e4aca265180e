import type { ConnectorScope } from '../settings/connectorScope';

/** Who is calling the API: a name safe for logs, and the connectors it may use. */
export interface Principal {
  /** `key:<hash prefix>` or `cert:<identity>`; never the key itself. */
  readonly name: string;
  readonly scope: ConnectorScope;
}

/** The credentials the API accepts, from configuration. */
export interface Credentials {
  /** API key → connectors. */
  readonly apiKeys: ReadonlyMap<string, ConnectorScope>;
  /** Client certificate CN or SAN value → connectors (mutual TLS). */
  readonly clientIdentities: ReadonlyMap<string, ConnectorScope>;
}

/** What the caller presented. */
export interface Presented {
  /** The `authorization` metadata value (`Bearer <key>`). */
  readonly authorization?: string;
  /** The verified client certificate's subject CN and subjectAltName, under mutual TLS. */
  readonly certificate?: {
    readonly commonNames: readonly string[];
    readonly altNames: readonly string[];
  };
}
