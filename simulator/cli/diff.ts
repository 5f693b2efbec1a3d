import { writeSync } from 'node:fs';
import { runDiff } from './runDiff.ts';

/**
 * `npm run diff`: the command line's entry. Everything it does is `runDiff`; this file only joins
 * it to the process — its arguments, exit code and file descriptors.
 */
process.exitCode = runDiff(process.argv.slice(2), {
  stdout: (text) => writeAll(1, text),
  stderr: (text) => writeAll(2, text),
});

function writeAll(fd: 1 | 2, text: string): void {
  // fs.writeSync blocks until written, so a pipe (| head) sees everything in order.
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      // The reader is gone (| head): stop writing; for stderr, drop the rest quietly.
      if (code === 'EPIPE') {
        if (fd === 1) process.exit(process.exitCode ?? 0);
        return;
      }
      throw error;
    }
  }
}
