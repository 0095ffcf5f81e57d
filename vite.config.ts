import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1' },
  // Fonts stay files, never data: URLs, so the Content-Security-Policy in the README can say font-src 'self'
  // (Vite would otherwise inline KaTeX's smallest font, KaTeX_Size3, into the stylesheet).
  build: { assetsInlineLimit: (file) => (/\.(?:woff2?|ttf|otf)$/.test(file) ? false : undefined) },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
    // Component tests take 1–3 s on a busy 2-core machine (jsdom, lazy KaTeX); 5 s left no margin. Tests over the
    // whole corpus or the dev set set their own, longer timeouts.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
