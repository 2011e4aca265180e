/** Serializes an SDP session with CRLF line ends, in RFC 4566 §5 order. */
import type { SdpAttribute, SdpConnection, SdpLine, SdpMedia, SdpSession } from './sdpTypes';

const SESSION_ORDER_BEFORE_C = ['i', 'u', 'e', 'p'];
const SESSION_ORDER_AFTER_C = ['b'];
const SESSION_ORDER_AFTER_T = ['r', 'z', 'k'];

function pick(lines: readonly SdpLine[], types: readonly string[]): string[] {
  return types.flatMap((t) => lines.filter((l) => l.type === t).map((l) => `${l.type}=${l.value}`));
}

function conn(c: SdpConnection | undefined): string[] {
  return c ? [`c=${c.netType} ${c.addrType} ${c.address}${c.suffix ?? ''}`] : [];
}

function attrs(list: readonly SdpAttribute[]): string[] {
  return list.map((a) => (a.value === undefined ? `a=${a.name}` : `a=${a.name}:${a.value}`));
}

function mediaLines(m: SdpMedia): string[] {
  const port = m.portCount === undefined ? `${m.port}` : `${m.port}/${m.portCount}`;
  return [
    `m=${m.type} ${port} ${m.protocol} ${m.formats.join(' ')}`,
    ...pick(m.otherLines, ['i']),
    ...conn(m.connection),
    ...pick(m.otherLines, ['b', 'k']),
    ...attrs(m.attributes),
  ];
}

/** Serializes a session description. */
export function serializeSdp(s: SdpSession): string {
  const o = s.origin;
  const lines = [
    'v=0',
    `o=${o.username} ${o.sessionId} ${o.sessionVersion} ${o.netType} ${o.addrType} ${o.address}`,
    `s=${s.sessionName}`,
    ...pick(s.otherLines, SESSION_ORDER_BEFORE_C),
    ...conn(s.connection),
    ...pick(s.otherLines, SESSION_ORDER_AFTER_C),
    ...s.timing.map((t) => `t=${t}`),
    ...pick(s.otherLines, SESSION_ORDER_AFTER_T),
    ...attrs(s.attributes),
    ...s.media.flatMap(mediaLines),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
