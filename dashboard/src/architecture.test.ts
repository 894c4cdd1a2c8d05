import { describe, expect, it } from 'vitest'

// The bulletproof-react layout, enforced: app -> features -> components/lib, and features never import each
// other (what two features share belongs in components/ or lib/).

const sources = import.meta.glob(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null
  const parts = from.split('/').slice(0, -1)
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop()
    else if (part !== '.') parts.push(part)
  }
  return parts.join('/')
}

function area(path: string): string {
  const [, top, feature] = path.split('/')
  return top === 'features' ? `features/${feature}` : top
}

function violations(files: Record<string, string>): string[] {
  const found: string[] = []
  for (const [file, text] of Object.entries(files)) {
    for (const match of text.matchAll(IMPORT)) {
      const target = resolve(file, match[1] ?? match[2])
      if (!target) continue
      const from = area(file)
      const to = area(target)
      const featureToOtherFeature = from.startsWith('features/') && to.startsWith('features/') && from !== to
      const sharedToFeature = (from === 'components' || from === 'lib') && to.startsWith('features/')
      const anythingToApp = from !== 'app' && from !== 'main.tsx' && to === 'app'
      if (featureToOtherFeature || sharedToFeature || anythingToApp) found.push(`${file} imports ${match[1] ?? match[2]}`)
    }
  }
  return found
}

describe('architecture', () => {
  it('sees the source files', () => {
    expect(Object.keys(sources).some((f) => f.startsWith('./features/workspace/'))).toBe(true)
  })

  it('keeps features independent of each other, and shared code independent of features', () => {
    expect(violations(sources)).toEqual([])
  })

  it('would notice a feature reaching into another, or shared code into a feature', () => {
    expect(violations({
      './features/a/A.tsx': "import { B } from '../b/B'",
      './components/Thing.tsx': "export { A } from '../features/a/A'",
      './lib/x.ts': "const lazy = import('../features/b/B')",
      './features/a/ok.ts': "import { api } from '../../lib/api'\nimport { Own } from './Own'",
    })).toEqual([
      './features/a/A.tsx imports ../b/B',
      './components/Thing.tsx imports ../features/a/A',
      './lib/x.ts imports ../features/b/B',
    ])
  })

  it('keeps every file under 400 lines', () => {
    const long = Object.entries(sources).filter(([, text]) => text.split('\n').length > 400).map(([file]) => file)
    expect(long).toEqual([])
  })
})
