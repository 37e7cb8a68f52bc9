#!/usr/bin/env node
// The operator CLI (server/cli). Ideamill runs its TypeScript sources directly, through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
