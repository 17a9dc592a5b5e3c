#!/usr/bin/env node
// Runs the TypeScript model-preparation step without a build: tsx compiles on the fly.
import { register } from 'tsx/esm/api';

register();
await import('../models/prepare/main.ts');
