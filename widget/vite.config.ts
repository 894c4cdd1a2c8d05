import { gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

/** The widget loads on tenants' pages: the build fails if it grows past its budget. */
export const BUDGET_GZIP_BYTES = 25 * 1024

function sizeBudget(): Plugin {
  return {
    name: 'size-budget',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue
        const size = gzipSync(chunk.code).length
        this.info(`${chunk.fileName}: ${chunk.code.length} bytes, ${size} gzipped (budget ${BUDGET_GZIP_BYTES})`)
        if (size > BUDGET_GZIP_BYTES) this.error(`${chunk.fileName} is ${size} bytes gzipped, over the ${BUDGET_GZIP_BYTES} budget`)
      }
    },
  }
}

// A classic script (IIFE), so a plain <script async> works on any page and nothing lands in the page's globals.
export default defineConfig({
  build: {
    lib: { entry: 'src/main.ts', formats: ['iife'], name: 'SwitchboardWebchat', fileName: () => 'widget.js' },
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
  },
  plugins: [sizeBudget()],
  test: {
    environment: 'jsdom',
  },
})
