// Preloaded (`node --import`) into a process the benchmark measures: at exit, its peak resident
// memory, on stderr, for the benchmark to read. VmHWM, not resourceUsage().maxRSS: on Linux the
// latter carries the parent's peak across fork and exec, so it would report the benchmark's own.
import { readFileSync, writeSync } from 'node:fs';
import process from 'node:process';

process.on('exit', () => {
  const hwmKiB = Number(/^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
  writeSync(2, `\nexhibit-bench-usage ${JSON.stringify({ maxRssKiB: hwmKiB })}\n`);
});
