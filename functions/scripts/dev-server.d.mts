import type { ChildProcess } from 'node:child_process';

export const REPO_ROOT: string;
export function applyMigrations(persistTo: string): void;
export function startDevServer(options: {
  port: number;
  persistTo: string;
  vars?: Record<string, string>;
  quiet?: boolean;
}): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }>;
