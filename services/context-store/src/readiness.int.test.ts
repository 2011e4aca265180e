import { startHarness, type Harness } from './test/harness.test';

/** What `/readyz` checks for context-store: NATS and MongoDB answering, on the real servers. */
describe('context-store readiness checks', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  /** Each check's result; a check that throws counts as failing, as on `/readyz`. */
  const run = async (): Promise<Record<string, boolean>> => {
    const results = await Promise.all(
      Object.entries(h.app.readinessChecks()).map(
        async ([name, check]): Promise<[string, boolean]> => [
          name,
          await Promise.resolve()
            .then(check)
            .catch(() => false),
        ],
      ),
    );
    return Object.fromEntries(results);
  };

  it('passes while started, and fails once stopped (connections closed)', async () => {
    expect(await run()).toEqual({ nats: true, mongo: true });
    await h.app.stop();
    expect(await run()).toEqual({ nats: false, mongo: false });
    await h.restartApp();
    expect(await run()).toEqual({ nats: true, mongo: true });
  });

  it('fails the mongo check when MongoDB stops answering', async () => {
    await h.ferret.stop();
    expect(await run()).toMatchObject({ nats: true, mongo: false });
  });
});
