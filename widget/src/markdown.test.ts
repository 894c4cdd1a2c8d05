import { describe, expect, it } from 'vitest'
import { allowedLink, render } from './markdown'

const HOSTS = ['acme.example', 'www.acme.example']

function html(text: string): HTMLElement {
  const div = document.createElement('div')
  div.append(render(document, text, HOSTS))
  return div
}

describe('reply markdown', () => {
  it('renders bold, italics and lists', () => {
    const out = html('**Listo**, tu visita es *mañana* y _a tiempo_\n\n- 10:00\n- 12:00\n\n1. uno\n2. dos')
    expect(out.querySelector('strong')?.textContent).toBe('Listo')
    expect([...out.querySelectorAll('em')].map((e) => e.textContent)).toEqual(['mañana', 'a tiempo'])
    expect([...out.querySelectorAll('ul li')].map((e) => e.textContent)).toEqual(['10:00', '12:00'])
    expect([...out.querySelectorAll('ol li')].map((e) => e.textContent)).toEqual(['uno', 'dos'])
  })

  it('links only to the tenant hosts, opening safely', () => {
    const out = html('[detalles](https://acme.example/v/7) [paga](https://evil.example/pay) https://www.acme.example/help y https://evil.example/x')
    const links = [...out.querySelectorAll('a')]
    expect(links.map((a) => a.href)).toEqual(['https://acme.example/v/7', 'https://www.acme.example/help'])
    expect(links.every((a) => a.rel.includes('noopener') && a.target === '_blank')).toBe(true)
    expect(out.textContent).toContain('paga')
    expect(out.textContent).toContain('https://evil.example/x')
  })

  it('keeps HTML inert: it is text, never elements', () => {
    const out = html('<img src=x onerror="alert(1)"><script>alert(2)</script><b>hi</b>')
    expect(out.querySelector('img, script, b')).toBeNull()
    expect(out.textContent).toBe('<img src=x onerror="alert(1)"><script>alert(2)</script><b>hi</b>')
  })

  it('never loads an image: markdown images become their alt text', () => {
    const out = html('Mira ![el mapa](https://acme.example/map.png) y ![x](https://evil.example/leak?d=(1))')
    expect(out.querySelector('img')).toBeNull()
    expect(out.textContent).toBe('Mira el mapa y x')
  })

  it('refuses dangerous or deceptive link targets', () => {
    expect(allowedLink('javascript:alert(1)', HOSTS)).toBe(false)
    expect(allowedLink('data:text/html,hi', HOSTS)).toBe(false)
    expect(allowedLink('https://acme.example@evil.example/', HOSTS)).toBe(false)
    expect(allowedLink('https://acme.example.evil.example/', HOSTS)).toBe(false)
    expect(allowedLink('HTTPS://ACME.EXAMPLE/a', HOSTS)).toBe(true)
  })
})
