import { canConnect, httpOk } from '@warmline/testing';
import { ServiceStartError } from './errors';
import { type LocalStack, type StackLogLine, startLocalStack } from './startLocalStack';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('startLocalStack', () => {
  it('runs the servers and all seven services, reports where they listen, and stops them all', async () => {
    const lines: StackLogLine[] = [];
    const stack: LocalStack = await startLocalStack({ logs: (l) => lines.push(l) });
    const pids = [...stack.services.values()].map((s) => s.pid);
    const serverPids = [stack.nats!.pid, stack.ferretDb!.pid];
    expect(serverPids.every((pid) => pid > 0)).toBe(true);
    try {
      expect([...stack.services.keys()]).toEqual([
        'call-control',
        'llm-decision',
        'tts',
        'stt',
        'orchestrator',
        'context-store',
        'gateway',
      ]);
      expect(await httpOk(`${stack.gateway!.httpUrl}/healthz`)).toBe(true);
      const deskUrl = stack.contextStore!.deskUrl!;
      expect(await httpOk(deskUrl)).toBe(true);
      const port = (address: string) => Number(address.split(':').pop());
      expect(await canConnect(port(stack.callControl!.grpcAddress))).toBe(true);
      expect(await canConnect(port(stack.contextStore!.grpcAddress))).toBe(true);
      expect(lines.some((l) => l.service === 'stt' && l.formatted.includes('[stt]'))).toBe(true);
      expect(pids.every(alive)).toBe(true);
    } finally {
      await stack.stop();
    }
    expect(pids.filter(alive)).toEqual([]);
    expect(serverPids.filter(alive)).toEqual([]);
  }, 180_000);

  it('stops what it started and names the service when one cannot start', async () => {
    const lines: StackLogLine[] = [];
    const failure = await startLocalStack({
      services: ['call-control', 'gateway'],
      env: { gateway: { GATEWAY_NUMBERS: 'not json' } },
      logs: (l) => lines.push(l),
    }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ServiceStartError);
    expect((failure as ServiceStartError).service).toBe('gateway');
    expect((failure as ServiceStartError).output).toContain('GATEWAY_NUMBERS');
    const callControlPid = /call-control ready \(pid (\d+)\)/.exec(
      lines.map((l) => l.line).join('\n'),
    )?.[1];
    expect(callControlPid).toBeDefined();
    expect(alive(Number(callControlPid))).toBe(false);
  }, 120_000);
});
