import { randomUUID } from 'node:crypto';
import { defaultResource, type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  ATTR_SERVICE_INSTANCE_ID,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';

/** What identifies the process in every span and metric. */
export interface ServiceIdentity {
  serviceName: string;
  serviceVersion?: string;
}

/**
 * The SDK's default resource (telemetry.sdk.*) plus `service.name`,
 * `service.version` when known, and a fresh random `service.instance.id` that
 * tells replicas (and restarts) of one service apart.
 */
export const serviceResource = ({ serviceName, serviceVersion }: ServiceIdentity): Resource =>
  defaultResource().merge(
    resourceFromAttributes({
      [ATTR_SERVICE_NAME]: serviceName,
      [ATTR_SERVICE_INSTANCE_ID]: randomUUID(),
      ...(serviceVersion === undefined ? {} : { [ATTR_SERVICE_VERSION]: serviceVersion }),
    }),
  );
