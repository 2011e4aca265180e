/** The SDP model (RFC 4566) for audio offers and answers. */

/** `o=` line. */
export interface SdpOrigin {
  readonly username: string;
  readonly sessionId: string;
  readonly sessionVersion: string;
  readonly netType: string;
  readonly addrType: string;
  readonly address: string;
}

/** `c=` line. */
export interface SdpConnection {
  readonly netType: string;
  /** IP4 or IP6. */
  readonly addrType: string;
  /** Address as written, without a multicast `/ttl` suffix. */
  readonly address: string;
  /** The multicast suffix as written (e.g. "/127"), if any. */
  readonly suffix?: string;
}

/** `a=name[:value]`. */
export interface SdpAttribute {
  readonly name: string;
  readonly value?: string;
}

/** A line kept as is (i=, u=, e=, p=, b=, r=, z=, k=). */
export interface SdpLine {
  readonly type: string;
  readonly value: string;
}

/** One `m=` section. */
export interface SdpMedia {
  readonly type: string;
  readonly port: number;
  readonly portCount?: number;
  readonly protocol: string;
  /** Formats: payload type numbers for RTP/AVP. */
  readonly formats: readonly string[];
  readonly connection?: SdpConnection;
  readonly attributes: readonly SdpAttribute[];
  readonly otherLines: readonly SdpLine[];
}

/** A session description. */
export interface SdpSession {
  readonly origin: SdpOrigin;
  readonly sessionName: string;
  readonly connection?: SdpConnection;
  /** `t=` value(s), e.g. "0 0". */
  readonly timing: readonly string[];
  readonly attributes: readonly SdpAttribute[];
  readonly otherLines: readonly SdpLine[];
  readonly media: readonly SdpMedia[];
}
