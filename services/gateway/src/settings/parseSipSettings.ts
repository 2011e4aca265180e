import { z } from '@warmline/config';
import type { SipRoute, SipTrunkCredentials } from '../sipCalls/sipSettings';
import type { RtpPortRange } from '../sipCalls/rtpPortPool';
import type { SipTransportName } from '../sip/transport/sipTransport';

const text = z.string().trim().min(1);

const routesSchema = z.array(
  z
    .object({
      user: text,
      connectorId: text,
      transferDestinations: z.array(z.string().regex(/^sips?:/i, 'a SIP URI')).default([]),
      transferCallerId: text.optional(),
    })
    .strict(),
);

const credentialsSchema = z.object({ username: text, password: z.string().min(1) }).strict();

const parseJson = <T>(raw: string, schema: z.ZodType<T>): T | undefined => {
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The SIP routes setting: JSON `[{"user","connectorId","transferDestinations"?,"transferCallerId"?}]`
 * (`user` is the Request-URI user, `*` for any); `undefined` when it is not that or a user repeats.
 */
export const parseSipRoutes = (raw: string): SipRoute[] | undefined => {
  const routes = parseJson(raw, routesSchema);
  if (!routes) return undefined;
  return new Set(routes.map((r) => r.user)).size === routes.length ? routes : undefined;
};

/** Trunk Digest credentials: JSON `{"username","password"}`. */
export const parseSipCredentials = (raw: string): SipTrunkCredentials | undefined =>
  parseJson(raw, credentialsSchema);

/** `udp`, `tcp` or `udp,tcp`. */
export const parseSipTransports = (raw: string): SipTransportName[] | undefined => {
  const names = raw
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== '');
  if (names.length === 0 || names.some((n) => n !== 'UDP' && n !== 'TCP')) return undefined;
  return [...new Set(names)] as SipTransportName[];
};

/** `20000-20999` (even ports are used), or `0-0` for any free port. */
export const parseRtpPorts = (raw: string): RtpPortRange | undefined => {
  const match = /^(\d{1,5})-(\d{1,5})$/.exec(raw.trim());
  if (!match) return undefined;
  const min = Number(match[1]);
  const max = Number(match[2]);
  if (min === 0 && max === 0) return { min, max };
  if (min < 1024 || max > 65535 || max < min + 1) return undefined;
  return { min, max };
};
