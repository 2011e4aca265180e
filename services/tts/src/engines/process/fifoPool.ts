import { execFile } from 'node:child_process';
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Named pipes (FIFOs) in a private temporary directory, reused between
 * syntheses. Engines that open their output *path* (flite `-o /dev/stdout`,
 * festival's text2wave) cannot write to the socket pair Node gives a child as
 * stdout: `open("/dev/stdout")` on a socket fails with ENXIO. A FIFO as the
 * child's stdout is a real pipe, so they stream into it. A FIFO is reused only
 * after a clean end of stream (every writer closed); after an abort it is
 * deleted, so a late writer can never reach the next synthesis.
 */
export class FifoPool {
  private dir: Promise<string> | undefined;
  private readonly free: string[] = [];
  private created = 0;

  /** A FIFO nobody else uses until {@link FifoPool.release}. */
  async acquire(): Promise<string> {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    this.dir ??= mkdtemp(path.join(tmpdir(), 'warmline-tts-'));
    const fifo = path.join(await this.dir, `out-${this.created++}.fifo`);
    await run('mkfifo', ['-m', '600', fifo]);
    return fifo;
  }

  /** Returns a FIFO: kept for reuse when `clean`, deleted otherwise. */
  async release(fifo: string, clean: boolean): Promise<void> {
    if (clean) this.free.push(fifo);
    else await unlink(fifo).catch(() => undefined);
  }

  /** Deletes every FIFO and the directory. */
  async close(): Promise<void> {
    this.free.length = 0;
    const dir = await this.dir?.catch(() => undefined);
    this.dir = undefined;
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  }
}
