import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import { describe, expect, it } from 'vitest'
import { BUDGET_GZIP_BYTES } from '../vite.config.ts'

describe('widget.js', () => {
  it(`stays under ${BUDGET_GZIP_BYTES / 1024} KB gzipped`, async () => {
    const root = process.cwd()
    const output = await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'silent',
      build: { write: false, sourcemap: false } })
    const bundles = Array.isArray(output) ? output : [output]
    const chunks = bundles.flatMap((b) => ('output' in b ? b.output : [])).filter((c) => c.type === 'chunk')
    const widget = chunks.find((c) => c.fileName === 'widget.js')!
    expect(gzipSync(widget.code).length).toBeLessThan(BUDGET_GZIP_BYTES)
  }, 60_000)
})
