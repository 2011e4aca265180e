/**
 * One command to run an example against the local stack:
 *   pnpm --filter @warmline/example-<name> local
 * starts FerretDB and `@warmline/local-stack` (nats-server, call-control with the SDK handler,
 * the gateway with its Twilio stream endpoint and a SIP side), points the example at them through
 * its environment, and runs the example's `main` in this process. Ctrl-C stops everything.
 */
import path from 'node:path';
import { startLocalStack } from '@warmline/local-stack';
import { startFerretDb } from '@warmline/testing';

async function main(): Promise<void> {
  const entry = process.argv[2];
  if (!entry) throw new Error('usage: runLocal <path to the example main.ts>');
  const sipPort = Number(process.env.LOCAL_SIP_PORT ?? '5080');
  const callee = process.env.LOCAL_CALLEE_URI ?? 'sip:agent@127.0.0.1:5090';
  const connectorId = 'connector-local';
  const ferret = await startFerretDb();
  const stack = await startLocalStack({
    services: ['call-control', 'gateway'],
    handler: 'SDK',
    mongoUrl: ferret.url,
    carrier: { connectorId },
    logLevel: process.env.LOG_LEVEL ?? 'info',
    sip: { calleeUri: callee, user: 'support', port: sipPort },
  });
  const stop = () => {
    setTimeout(() => {
      void stack
        .stop()
        .then(() => ferret.stop())
        .finally(() => process.exit(0));
    }, 500); // after the example closed its client
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.env.WARMLINE_ADDRESS = stack.callControl!.grpcAddress;
  process.env.WARMLINE_API_KEY = stack.callControl!.apiKey;
  process.env.WARMLINE_CONNECTOR_IDS = connectorId;
  process.env.MONGO_URL = ferret.url;
  process.stderr.write(
    [
      '',
      'local stack ready. Call the example:',
      `  SIP:    sip:support@127.0.0.1:${sipPort}   (e.g. baresip: /dial sip:support@127.0.0.1:${sipPort})`,
      `  Twilio: media stream at ${stack.gateway!.twilioStreamUrl} (account ${stack.carrier.accountSid})`,
      `  connect() rings ${callee}; data in ${ferret.url} (database warmline_examples)`,
      '',
    ].join('\n'),
  );
  await import(path.resolve(entry));
}

main().catch((error: unknown) => {
  process.stderr.write(`local run failed: ${String(error)}\n`);
  process.exit(1);
});
