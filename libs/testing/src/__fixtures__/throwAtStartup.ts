// Started by tsProcess.int.test.ts: dies at once, to show the error and its .ts line come through.
const failStartup = (): never => {
  throw new Error('fixture failed on purpose');
};
failStartup();
