#!/usr/bin/env node
// The `gradlens` command: TypeScript sources run through tsx, no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
