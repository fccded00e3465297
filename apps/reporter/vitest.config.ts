import { defineConfig } from 'vitest/config';

// Rendering and real PostgreSQL/Redis round trips: generous timeouts for loaded CI machines.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 120_000 } });
