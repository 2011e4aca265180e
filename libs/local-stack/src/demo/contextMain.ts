/**
 * `pnpm context <callId> [--address host:port]`: prints the saved context of a call, read from
 * context-store's gRPC API (by default the one of the demo stack running now).
 */
import { fetchCallContext } from './contextClient';
import { formatContext } from './formatContext';
import { readStackState } from './stackState';

const main = async (): Promise<number> => {
  const args = process.argv.slice(2);
  const at = args.indexOf('--address');
  const address = at >= 0 ? args[at + 1] : readStackState()?.contextGrpcAddress;
  const callId = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  if (!callId) {
    process.stderr.write('usage: pnpm context <callId> [--address host:port]\n');
    return 2;
  }
  if (!address) {
    process.stderr.write(
      'no running stack found: start one with `./scripts/start.sh --keep`, or pass --address host:port\n',
    );
    return 2;
  }
  const context = await fetchCallContext(address, callId);
  process.stdout.write(`${formatContext(context).join('\n')}\n`);
  return 0;
};

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
