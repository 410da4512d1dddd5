import { Buffer } from 'buffer';

// isomorphic-git uses Node's Buffer as a global; under Vite it crashes at load without it. This module
// is imported on its own, before isomorphic-git, so the global exists when that module is evaluated.
const g = globalThis as { Buffer?: unknown };
g.Buffer ??= Buffer;
