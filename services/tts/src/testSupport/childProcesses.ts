import { readdirSync, readFileSync } from 'node:fs';

/** A process seen in /proc. */
export interface ProcessEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  readonly command: string;
  /** One-letter state: R, S, Z (zombie), ... */
  readonly state: string;
}

const readStat = (pid: string): ProcessEntry | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses
    const close = stat.lastIndexOf(')');
    const command = stat.slice(stat.indexOf('(') + 1, close);
    const [state = '', ppid = '0', pgid = '0'] = stat.slice(close + 2).split(' ');
    return { pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid), command, state };
  } catch {
    return undefined; // it ended while we looked
  }
};

/** Every live process whose parent is this one (optionally only those running `command`). */
export const childProcesses = (command?: string): ProcessEntry[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(readStat)
    .filter((p): p is ProcessEntry => p !== undefined && p.ppid === process.pid)
    .filter((p) => command === undefined || p.command === command);

/** Every process in process group `pgid`. */
export const processGroup = (pgid: number): ProcessEntry[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(readStat)
    .filter((p): p is ProcessEntry => p !== undefined && p.pgid === pgid);
