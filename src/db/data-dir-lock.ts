/**
 * One CareRelay per DATA_DIR: two processes opening the same embedded database files would
 * corrupt them. The lock is a file holding the owner's pid; a lock left by a process that no
 * longer runs (SIGKILL, power loss) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../errors.js';

export const LOCK_FILE = 'carerelay.lock';

export interface DataDirLock {
  path: string;
  release(): void;
}

/** Whether a process with this pid exists (EPERM: it does, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return {
        path,
        release() {
          // Only our own lock: never remove one a later owner took over.
          if (ownerOf(path) === process.pid) unlinkSync(path);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = ownerOf(path);
    if (owner !== undefined && owner !== process.pid && alive(owner)) {
      throw new AppError(
        'data_dir_locked',
        `DATA_DIR ${dir} is in use by another CareRelay (pid ${owner}). Stop it first, or give this instance its own DATA_DIR (or a DATABASE_URL).`,
        { status: 503 },
      );
    }
    // Stale: its owner is gone (or an empty file from a crash between create and write).
    if (ownerOf(path) === owner) {
      try {
        unlinkSync(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  }
  throw new AppError('data_dir_locked', `DATA_DIR ${dir}: could not take the lock file ${path}`, { status: 503 });
}
