/**
 * The demo's command line (`./scripts/start.sh`, `pnpm start`):
 * `[--keep] [--transport sip|twilio] [--nats-url URL] [--mongo-url URL] [--verbose] [--dist]`
 * (default sip).
 */
import { runDemo } from './runDemo';

const usage =
  'usage: start.sh [--keep] [--transport sip|twilio] [--nats-url nats://…] [--mongo-url mongodb://…] [--verbose]';

const parse = (args: readonly string[]) => {
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const known = new Set([
    '--keep',
    '--transport',
    '--nats-url',
    '--mongo-url',
    '--verbose',
    '--dist',
    'twilio',
    'sip',
  ]);
  const unknown = args.filter(
    (a, i) => !known.has(a) && !['--nats-url', '--mongo-url'].includes(args[i - 1] ?? ''),
  );
  // SIP by default: two real SIP phones (baresip), the gateway's mixer, the whispered briefing
  const transport = value('--transport') ?? 'sip';
  if (unknown.length > 0 || (transport !== 'twilio' && transport !== 'sip')) return undefined;
  const chosen: 'twilio' | 'sip' = transport;
  return {
    keep: args.includes('--keep'),
    verbose: args.includes('--verbose'),
    runFrom: args.includes('--dist') ? ('dist' as const) : ('source' as const),
    transport: chosen,
    natsUrl: value('--nats-url'),
    mongoUrl: value('--mongo-url'),
  };
};

const options = parse(process.argv.slice(2));
if (!options) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}
runDemo({ ...options, out: (line) => process.stdout.write(`${line}\n`) }).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
