import type { Logger } from '@warmline/telemetry';
import type { Credentials } from '../../auth/principal';
import type { CallDeps } from '../../calls/callDeps';
import type { MediaChannelDeps } from '../../media/mediaChannel';
import type { SessionDeps } from '../../sessions/sdkSession';
import type { OpenStreams } from './openStreams';

/** What the gRPC service implementation needs. */
export interface GrpcDeps {
  readonly calls: CallDeps;
  readonly sessions: SessionDeps;
  readonly media: MediaChannelDeps;
  readonly credentials: Credentials;
  readonly openStreams: OpenStreams;
  readonly log: Logger;
}
