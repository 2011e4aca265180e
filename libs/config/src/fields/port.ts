import { type EnvField, envField } from './envField';

const MAX_PORT = 65_535;

/** A TCP port, 0 to 65535 (0 asks the OS for a free port). */
export const port = (): EnvField<number> =>
  envField(`a TCP port number from 0 to ${MAX_PORT}`, (raw) => {
    if (!/^\d{1,5}$/.test(raw)) return undefined;
    const value = Number(raw);
    return value <= MAX_PORT ? value : undefined;
  });
