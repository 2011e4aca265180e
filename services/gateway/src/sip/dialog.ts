/** Dialog state and in-dialog requests (RFC 3261 §12). */
import { readCore } from './core';
import {
  type SipHeader,
  type SipMessage,
  type SipRequest,
  type SipResponse,
  getHeaderValues,
  header,
} from './message';
import { formatNameAddr, parseNameAddr, withTag } from './nameAddr';
import { type RequestOptions, type ViaSentBy, createRequest } from './request';
import { SipParseError } from './sipParseError';
import { formatUri } from './uri';

/** The state a UA keeps for one dialog. Immutable: functions return updated copies. */
export interface Dialog {
  readonly callId: string;
  readonly localTag: string;
  readonly remoteTag: string;
  /** Local and remote addresses as name-addr text, with tags. */
  readonly localUri: string;
  readonly remoteUri: string;
  /** Last CSeq number sent; the next request uses localSeq + 1. */
  readonly localSeq: number;
  /** Last CSeq number received, undefined until the peer sends a request. */
  readonly remoteSeq: number | undefined;
  /** The peer's Contact URI: where in-dialog requests go. */
  readonly remoteTarget: string;
  /** Route set (Record-Route values), in the order to put in Route headers. */
  readonly routeSet: readonly string[];
}

/** Identifies a dialog: Call-ID and both tags. */
export interface DialogId {
  readonly callId: string;
  readonly localTag: string;
  readonly remoteTag: string;
}

/** A string key for maps: Call-ID, local tag and remote tag. */
export function dialogKey(id: DialogId): string {
  return `${id.callId}\n${id.localTag}\n${id.remoteTag}`;
}

/**
 * The dialog id as seen by this UA for a message it received: for a request the local tag
 * is the To tag, for a response it is the From tag. Undefined when a tag is missing.
 */
export function dialogIdOfReceived(msg: SipMessage): DialogId | undefined {
  const core = readCore(msg);
  const [localTag, remoteTag] =
    msg.kind === 'request' ? [core.toTag, core.fromTag] : [core.fromTag, core.toTag];
  return localTag && remoteTag ? { callId: core.callId, localTag, remoteTag } : undefined;
}

function remoteTargetOf(msg: SipMessage): string {
  const contact = readCore(msg).contact;
  const first = contact.wildcard ? undefined : contact.contacts[0];
  if (!first)
    throw new SipParseError('missing-header', 'no Contact to use as remote target', {
      header: 'Contact',
    });
  return formatUri(first.uri);
}

/** The dialog a UAC gets from a 2xx (or tagged 1xx) response to its INVITE (§12.1.2). */
export function dialogFromResponse(invite: SipRequest, response: SipResponse): Dialog {
  const req = readCore(invite);
  const res = readCore(response);
  if (!req.fromTag || !res.toTag)
    throw new SipParseError('header-value', 'dialog needs From and To tags');
  return {
    callId: req.callId,
    localTag: req.fromTag,
    remoteTag: res.toTag,
    localUri: formatNameAddr(req.from),
    remoteUri: formatNameAddr(res.to),
    localSeq: req.cseq.seq,
    remoteSeq: undefined,
    remoteTarget: remoteTargetOf(response),
    routeSet: getHeaderValues(response, 'Record-Route').reverse(),
  };
}

/** The dialog a UAS creates when it answers an INVITE with `localTag` in To (§12.1.1). */
export function dialogFromRequest(
  invite: SipRequest,
  localTag: string,
  initialLocalSeq: number,
): Dialog {
  const req = readCore(invite);
  if (!req.fromTag)
    throw new SipParseError('header-value', 'dialog needs a From tag', { header: 'From' });
  return {
    callId: req.callId,
    localTag,
    remoteTag: req.fromTag,
    localUri: formatNameAddr(withTag(req.to, localTag)),
    remoteUri: formatNameAddr(req.from),
    localSeq: initialLocalSeq,
    remoteSeq: req.cseq.seq,
    remoteTarget: remoteTargetOf(invite),
    routeSet: getHeaderValues(invite, 'Record-Route'),
  };
}

/** Outcome of checking an incoming in-dialog request's CSeq (§12.2.2). */
export type RemoteCSeqCheck =
  { readonly ok: true; readonly dialog: Dialog } | { readonly ok: false; readonly status: 500 };

/** Accepts a request's CSeq if it is above the last one seen; a lower one gets 500. ACK and CANCEL are not counted. */
export function acceptRemoteCSeq(dialog: Dialog, request: SipRequest): RemoteCSeqCheck {
  const { seq } = readCore(request).cseq;
  if (request.method === 'ACK' || request.method === 'CANCEL') return { ok: true, dialog };
  if (dialog.remoteSeq !== undefined && seq <= dialog.remoteSeq) return { ok: false, status: 500 };
  return { ok: true, dialog: { ...dialog, remoteSeq: seq } };
}

/** Options for in-dialog requests. */
export interface InDialogOptions {
  readonly via: ViaSentBy;
  readonly branch: string;
  readonly contact?: string;
  readonly headers?: readonly SipHeader[];
  readonly body?: Uint8Array;
}

function routing(dialog: Dialog): Pick<RequestOptions, 'uri' | 'route'> {
  const first = dialog.routeSet[0];
  const firstUri = first === undefined ? undefined : parseNameAddr(first, 'Route').uri;
  if (firstUri === undefined || (firstUri.kind === 'sip' && firstUri.params.has('lr'))) {
    return { uri: dialog.remoteTarget, route: dialog.routeSet };
  }
  return {
    uri: formatUri(firstUri),
    route: [...dialog.routeSet.slice(1), `<${dialog.remoteTarget}>`],
  };
}

function inDialog(dialog: Dialog, method: string, cseq: number, o: InDialogOptions): SipRequest {
  return createRequest({
    method,
    ...routing(dialog),
    from: dialog.localUri,
    to: dialog.remoteUri,
    callId: dialog.callId,
    cseq,
    via: o.via,
    branch: o.branch,
    ...(o.contact === undefined ? {} : { contact: o.contact }),
    ...(o.headers === undefined ? {} : { headers: o.headers }),
    ...(o.body === undefined ? {} : { body: o.body }),
  });
}

/** A new in-dialog request (BYE, re-INVITE, INFO...) with CSeq localSeq + 1, and the updated dialog. */
export function createInDialogRequest(
  dialog: Dialog,
  method: string,
  options: InDialogOptions,
): { readonly request: SipRequest; readonly dialog: Dialog } {
  const seq = dialog.localSeq + 1;
  return { request: inDialog(dialog, method, seq, options), dialog: { ...dialog, localSeq: seq } };
}

/**
 * The ACK for a 2xx to INVITE (§13.2.2.4): a new transaction (new branch) sent to the
 * remote target through the route set, with the INVITE's CSeq number.
 */
export function createAckFor2xx(
  dialog: Dialog,
  inviteCSeq: number,
  options: InDialogOptions,
): SipRequest {
  return inDialog(dialog, 'ACK', inviteCSeq, options);
}

/** A BYE for the dialog (§15.1.1) and the updated dialog. */
export function createBye(
  dialog: Dialog,
  options: InDialogOptions,
): { readonly request: SipRequest; readonly dialog: Dialog } {
  return createInDialogRequest(dialog, 'BYE', options);
}

/** The header for the local Contact of a dialog, e.g. `<sip:gw@192.0.2.1:5060>`. */
export function contactHeader(uri: string): SipHeader {
  return header('Contact', `<${uri}>`);
}
