/** A real SIP user agent (baresip 1.0.0) for loopback tests. */
export * from './baresip';
export * from './baresipConfig';
export * from './netstring';
export * from './toneCheck';
