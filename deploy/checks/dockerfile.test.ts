// No container engine or hadolint here: these are the rules hadolint would catch that
// matter to us, read straight from the Dockerfile.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deployDir } from './tools';

const text = readFileSync(path.join(deployDir, 'docker', 'Dockerfile'), 'utf8').replace(
  /\\\n/g,
  ' ',
);
const lines = text
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const instr = (name: string) => lines.filter((l) => l.toUpperCase().startsWith(`${name} `));

it('is multi-stage: a build stage and a slim runtime stage', () => {
  const froms = instr('FROM');
  expect(froms.length).toBeGreaterThanOrEqual(2);
  expect(text).toMatch(/ARG NODE_IMAGE=node:20[\d.]*-bookworm-slim/);
  expect(text).toMatch(/COPY --from=build/);
});

it('pins every image (no latest, no untagged)', () => {
  for (const from of instr('FROM')) expect(from).not.toMatch(/:latest\b/);
  expect(text).not.toMatch(/node:latest|NODE_IMAGE=node(\s|$)/);
});

it('builds with a frozen lockfile and deploys only production dependencies', () => {
  expect(text).toMatch(/pnpm install --frozen-lockfile/);
  expect(text).toMatch(/proto:gen/);
  expect(text).toMatch(/pnpm deploy --legacy --prod --filter "@warmline\/\$\{SERVICE\}"/);
});

it('runs as a non-root user, stops on SIGTERM and has a healthcheck', () => {
  const users = instr('USER');
  expect(users.length).toBeGreaterThan(0);
  expect(users[users.length - 1]).not.toMatch(/USER (root|0)\b/);
  expect(instr('STOPSIGNAL')).toEqual(['STOPSIGNAL SIGTERM']);
  expect(instr('HEALTHCHECK')[0]).toMatch(/healthz/);
  expect(instr('CMD').pop()).toBe('CMD ["node", "dist/main.js"]');
});

it('installs speech engines only through the SYSTEM_PACKAGES build argument', () => {
  expect(text).toMatch(/ARG SYSTEM_PACKAGES=""/);
  expect(text).not.toMatch(/apt-get install[^$]*(pocketsphinx|flite)/);
});

it('has a BuildKit ignore file next to it that keeps node_modules and dist out', () => {
  const ignore = readFileSync(path.join(deployDir, 'docker', 'Dockerfile.dockerignore'), 'utf8');
  expect(ignore).toMatch(/\*\*\/node_modules/);
  expect(ignore).toMatch(/\*\*\/dist/);
});
