import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A file the desk serves, loaded once. */
export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/** The page's files, the only ones served (no path from a request ever reaches the disk). */
const FILES: Readonly<Record<string, [name: string, contentType: string]>> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/desk.css': ['desk.css', 'text/css; charset=utf-8'],
  '/desk.js': ['desk.js', 'text/javascript; charset=utf-8'],
  '/favicon.svg': ['favicon.svg', 'image/svg+xml'],
};

/**
 * Where the page lives: `src/desk/public`, found from this file whether it runs from `src/desk`
 * (tests, dev) or `dist/desk` (the build), since the package ships both.
 */
export const DEFAULT_PUBLIC_DIR = path.resolve(__dirname, '../../src/desk/public');

/** Loads the desk's page files into memory, by URL path. */
export const loadStaticFiles = (
  dir: string = DEFAULT_PUBLIC_DIR,
): ReadonlyMap<string, StaticFile> =>
  new Map(
    Object.entries(FILES).map(([url, [name, contentType]]) => [
      url,
      { body: readFileSync(path.join(dir, name)), contentType },
    ]),
  );
