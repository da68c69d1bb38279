import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, whether running from src/ (tests) or dist/src/ (built). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'locales'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find the CareRelay package root');
}

export const ROOT = findRoot();
export const paths = {
  root: ROOT,
  locales: join(ROOT, 'locales'),
  knowledge: join(ROOT, 'knowledge'),
  migrations: join(ROOT, 'src', 'db', 'migrations'),
  public: join(ROOT, 'channels', 'web-chat', 'public'),
};
