import { writeSync } from 'node:fs';
import { escapeText } from '../trace/escapeText.ts';

/** Where a command writes: text, already split into whole lines (each ends with `\n`). */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The process's own output, written whole and in order, for a command's thin entry file. */
export const processIo: CommandIo = {
  stdout: (text) => writeAll(1, text),
  stderr: (text) => writeAll(2, text),
};

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

/** An exception as one escaped line: its name and the first line of its message (never a stack trace). */
export function describeError(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    text = 'an exception that cannot be described';
  }
  const firstLine = text.split('\n', 1)[0] ?? '';
  return escapeText(firstLine.length > 500 ? `${firstLine.slice(0, 499)}…` : firstLine);
}

/** Buffers output lines and writes them in large chunks (a population prints millions). */
export class LineWriter {
  private buffer: string[] = [];
  private size = 0;
  constructor(private readonly io: CommandIo) {}
  line(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buffer.length === 0) return;
    this.io.stdout(this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.size = 0;
  }
}
