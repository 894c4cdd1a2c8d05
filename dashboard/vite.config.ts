import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// The platform serves the built dashboard under /app/ (see DashboardRoutes on the Java side).
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    // Component tests render whole screens; the shared CI machine is slow at that.
    testTimeout: 20_000,
  },
})
