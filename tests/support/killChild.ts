// The crash tests' child process: a writer that prints "ready", then one line per acknowledged
// write, and is killed with SIGKILL at a chosen moment after "ready". Answers with every line it
// printed after "ready", so each test reads its own acknowledgements from them.
import { spawn } from 'node:child_process';

export function runUntilKilled(args: string[], afterMs: number, what = 'the writer'): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const complete = buffer.split('\n');
      buffer = complete.pop()!;
      for (const line of complete) {
        if (line === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
        else lines.push(line);
      }
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      // Stopping before the kill means the test measured nothing: say why.
      if (signal !== 'SIGKILL') reject(new Error(`${what} stopped by itself: ${stderr.slice(0, 400)}`));
      else resolve(lines);
    });
  });
}
