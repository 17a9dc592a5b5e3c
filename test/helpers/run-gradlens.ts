import { execFile } from 'node:child_process';
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in a child process from `cwd` with these arguments, and an object of extra environment
 * variables last if given. A scratch folder as `cwd` keeps relative outputs of a failing command out of
 * the repo.
 */
export function runGradlens(cwd: string, ...args: (string | Record<string, string>)[]): Promise<CliRun> {
  const env = { ...process.env, ...args.find((a) => typeof a !== 'string') };
  const argv = args.filter((a): a is string => typeof a === 'string');
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repo, 'bin/gradlens.js'), ...argv], { cwd, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
