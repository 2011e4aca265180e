import { z } from '@warmline/config';
import type { CarrierAccounts, NumberRoute } from './carrierSettings';

const text = z.string().trim().min(1);
const httpUrl = z.url({ protocol: /^https?$/ });

const accountsSchema = z
  .object({
    twilio: z
      .array(
        z.object({
          accountSid: text,
          authToken: text,
          apiBaseUrl: httpUrl.default('https://api.twilio.com'),
        }),
      )
      .default([]),
    telnyx: z
      .array(
        z.object({
          name: text,
          streamingAuthToken: z.string().min(16),
          userId: text.optional(),
          apiKey: text.optional(),
          webhookPublicKey: text.optional(),
          apiBaseUrl: httpUrl.default('https://api.telnyx.com'),
        }),
      )
      .default([]),
  })
  .strict();

const numbersSchema = z.array(
  z
    .object({
      number: text,
      carrier: z.enum(['twilio', 'telnyx']),
      account: text,
      connectorId: text,
      transferDestinations: z.array(text).default([]),
      transferCallerId: text.optional(),
    })
    .strict(),
);

const parseJson = <T>(raw: string, schema: z.ZodType<T>): T | undefined => {
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Reads the carrier credentials setting: JSON
 * `{"twilio":[{"accountSid","authToken","apiBaseUrl"?}],"telnyx":[{"name","streamingAuthToken","userId"?,"apiKey"?,"apiBaseUrl"?}]}`;
 * `undefined` when it is not that.
 */
export const parseCarrierAccounts = (raw: string): CarrierAccounts | undefined =>
  parseJson(raw, accountsSchema);

/**
 * Reads the number routes setting: JSON
 * `[{"number","carrier","account","connectorId","transferDestinations"?,"transferCallerId"?}]`;
 * `undefined` when it is not that, or when two routes share a number and carrier.
 */
export const parseNumberRoutes = (raw: string): NumberRoute[] | undefined => {
  const routes = parseJson(raw, numbersSchema);
  if (!routes) return undefined;
  const keys = new Set(routes.map((r) => `${r.carrier}:${r.number}`));
  return keys.size === routes.length ? routes : undefined;
};
