// The export thread's entry (export-thread.ts). A worker does not inherit the TypeScript loader
// of tsx or vitest: it registers tsx's, then loads the worker's code.
import { register } from 'tsx/esm/api';

register();
await import('./export-worker.ts');
