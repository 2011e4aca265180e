import type { ClientUnaryCall, ServiceError } from '@grpc/grpc-js';

/** Runs a callback-style unary gRPC call as a promise (rejecting with the ServiceError). */
export function unary<TResponse>(
  start: (callback: (error: ServiceError | null, response: TResponse) => void) => ClientUnaryCall,
): Promise<TResponse> {
  return new Promise<TResponse>((resolve, reject) => {
    start((error, response) => (error ? reject(error) : resolve(response)));
  });
}

/** Resolves after `ms` (never rejects). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
