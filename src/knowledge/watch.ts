import { watch, type FSWatcher } from 'node:fs';

/**
 * Calls `onChange` once a burst of file events in `dir` (recursive) has been quiet for
 * `debounceMs`: editors save in several steps, and a reindex per step would be wasted.
 */
export function watchDirectory(dir: string, onChange: () => void, debounceMs = 300): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, { recursive: true, persistent: false }, (_event, file) => {
    if (file && !/\.(md|ya?ml)$/i.test(String(file))) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  watcher.on('error', () => undefined);
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
