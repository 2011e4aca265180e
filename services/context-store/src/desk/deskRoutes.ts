import type { IncomingMessage, ServerResponse } from 'node:http';
import { CallContext, isSubjectToken } from '@warmline/contracts';
import { toCallContext } from '../domain';
import type { ContextRepository } from '../ports';
import { toDeskContext, toDeskListItem } from './deskView';
import type { SseHub } from './sseHub';
import type { StaticFile } from './staticFiles';

/** What the desk's routes read. */
export interface DeskRouteDeps {
  readonly repository: ContextRepository;
  readonly hub: SseHub;
  readonly files: ReadonlyMap<string, StaticFile>;
}

const LIST_LIMIT = 100;

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const json = (res: ServerResponse, statusCode: number, body: unknown): void => {
  res.writeHead(statusCode, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
};

const listItems = async (repository: ContextRepository) =>
  (await repository.listEscalations({ limit: LIST_LIMIT })).map(toDeskListItem);

/** A route's callId segment, when it is a valid call id. */
const callIdAt = (pathname: string, prefix: string): string | undefined => {
  if (!pathname.startsWith(prefix)) return undefined;
  const id = decodeURIComponent(pathname.slice(prefix.length));
  return isSubjectToken(id) ? id : undefined;
};

/**
 * The desk's HTTP routes:
 * - `GET /` and its files: the page;
 * - `GET /api/escalations`: the latest escalations (list entries);
 * - `GET /api/escalations/stream`: Server-Sent Events, a `snapshot` then an `escalation` per change;
 * - `GET /api/calls/<callId>`: the desk's view of one call;
 * - `GET /api/contexts/<contextId>`: the contract's `CallContext` as proto JSON, for contact-centre
 *   systems given the context id with the call (the SIP header or carrier parameter);
 * - `GET /healthz`.
 */
export const handleDeskRequest = async (
  deps: DeskRouteDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> => {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return json(res, 405, { error: 'method not allowed' });
  const { pathname } = new URL(req.url ?? '/', 'http://desk.invalid');
  const file = deps.files.get(pathname);
  if (file) {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Cache-Control': 'no-cache',
    });
    return void res.end(file.body);
  }
  if (pathname === '/healthz') return json(res, 200, { ok: true });
  if (pathname === '/api/escalations')
    return json(res, 200, { escalations: await listItems(deps.repository) });
  if (pathname === '/api/escalations/stream') {
    return deps.hub.attach(res, [
      { event: 'snapshot', data: { escalations: await listItems(deps.repository) } },
    ]);
  }
  const callId = callIdAt(pathname, '/api/calls/');
  if (callId !== undefined) {
    const doc = await deps.repository.load(callId);
    return doc
      ? json(res, 200, toDeskContext(doc))
      : json(res, 404, { error: 'no context for this call' });
  }
  const contextId = callIdAt(pathname, '/api/contexts/');
  if (contextId !== undefined) {
    const doc = await deps.repository.load(contextId);
    return doc
      ? json(res, 200, CallContext.toJSON(toCallContext(doc)))
      : json(res, 404, { error: 'no such context' });
  }
  return json(res, 404, { error: 'not found' });
};
