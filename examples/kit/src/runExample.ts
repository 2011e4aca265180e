import { type Db, MongoClient } from 'mongodb';
import { WarmlineClient, WarmlineClientConfig, type WarmlineLogger } from '@warmline/sdk';
import { type ExampleConfig, loadConfig } from './config';
import { FliteSynthesizer } from './engines/fliteSynthesizer';
import { PocketsphinxTranscriber } from './engines/pocketsphinxTranscriber';
import { warmUpSpeech } from './engines/warmUpSpeech';
import { jsonLogger } from './jsonLogger';

/** What an example's `register` gets: the client (not yet ready) and the engines it asked for. */
export interface ExampleContext {
  readonly config: ExampleConfig;
  readonly client: WarmlineClient;
  readonly logger: WarmlineLogger;
  readonly synthesizer: FliteSynthesizer;
  /** Started when `needs.recognizer` is set. */
  readonly recognizer: PocketsphinxTranscriber | undefined;
  /** Connected when `needs.mongo` is set. */
  readonly db: Db | undefined;
}

/** Which engines an example uses. */
export interface ExampleNeeds {
  readonly recognizer?: boolean;
  readonly mongo?: boolean;
}

/**
 * The whole `main` of an example process: reads the config from the environment, starts what the
 * example needs, lets `register` add its handlers, then runs the client until SIGTERM or SIGINT
 * and releases everything. Exits non-zero (logged) if anything fails.
 */
export function runExample(
  name: string,
  needs: ExampleNeeds,
  register: (context: ExampleContext) => void | Promise<void>,
): void {
  const logger = jsonLogger(name);
  run(name, needs, register, logger).catch((error: unknown) => {
    logger.error('example failed', { error: String(error) });
    process.exitCode = 1;
  });
}

async function run(
  name: string,
  needs: ExampleNeeds,
  register: (context: ExampleContext) => void | Promise<void>,
  logger: WarmlineLogger,
): Promise<void> {
  const config = loadConfig();
  const mongo = needs.mongo ? await MongoClient.connect(config.mongoUrl) : undefined;
  const recognizer = needs.recognizer ? new PocketsphinxTranscriber() : undefined;
  try {
    await recognizer?.start(await warmUpSpeech());
    const client = new WarmlineClient(
      WarmlineClientConfig.sandbox({
        apiKey: config.apiKey,
        address: config.address,
        connectorIds: [...config.connectorIds],
        sampleRate: config.sampleRate,
        clientName: `warmline-example-${name}`,
        logger,
      }),
    );
    await register({
      config,
      client,
      logger,
      synthesizer: new FliteSynthesizer({ sampleRate: config.sampleRate }),
      recognizer,
      db: mongo?.db(config.mongoDb),
    });
    const stop = () => void client.close();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    logger.info('example ready', { address: config.address });
    await client.runForever();
  } finally {
    await recognizer?.close();
    await mongo?.close();
  }
}
