import { MongoClient } from 'mongodb';
import { WarmlineClient, WarmlineClientConfig, type WarmlineLogger } from '@warmline/sdk';
import { runHumanEscalation } from './app';
import { loadConfig } from './config';
import { FliteSynthesizer } from './engines/fliteSynthesizer';
import { PocketsphinxTranscriber } from './engines/pocketsphinxTranscriber';
import { MongoContextStore } from './mongoContextStore';
import { profileDecider } from './turnDecider';

/** JSON lines on stderr; static messages, data in fields. */
const logger: WarmlineLogger = {
  debug: () => undefined,
  info: (message, fields) => console.error(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.error(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

async function main(): Promise<void> {
  const config = loadConfig();
  const mongo = await MongoClient.connect(config.mongoUrl);
  const recognizer = new PocketsphinxTranscriber();
  await recognizer.start();
  const client = new WarmlineClient(
    WarmlineClientConfig.sandbox({
      apiKey: config.apiKey,
      address: config.address,
      connectorIds: [...config.connectorIds],
      sampleRate: config.sampleRate,
      logger,
    }),
  );
  runHumanEscalation({
    client,
    recognizer,
    synthesizer: new FliteSynthesizer({ sampleRate: config.sampleRate }),
    decide: profileDecider(),
    contextStore: new MongoContextStore(mongo.db(config.mongoDb)),
    sampleRate: config.sampleRate,
    logger,
  });
  const stop = () => void client.close();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  logger.info('human escalation example ready', { address: config.address });
  try {
    await client.runForever();
  } finally {
    await recognizer.close();
    await mongo.close();
  }
}

main().catch((error: unknown) => {
  logger.error('human escalation example failed', { error: String(error) });
  process.exitCode = 1;
});
