// The small markdown subset replies may use (bold, italics, lists, links), built as DOM nodes: text only ever
// goes into text nodes, so HTML in a reply stays inert; images become their alt text, so nothing remote is
// ever loaded; a link becomes an anchor only to one of the tenant's link hosts over http(s).

const INLINE = new RegExp(
  [
    String.raw`!\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)`, // 1: image -> alt text
    String.raw`\[([^\]]*)\]\(\s*((?:[^()\s]|\([^()\s]*\))*)\s*\)`, // 2, 3: link
    String.raw`\*\*([^*]+)\*\*`, // 4: bold
    String.raw`__([^_]+)__`, // 5: bold
    String.raw`\*([^*\s][^*]*)\*`, // 6: italics
    String.raw`(?<![\w])_([^_\s][^_]*)_(?![\w])`, // 7: italics
    String.raw`(https?://[^\s<>()]+[^\s<>().,;:!?'"])`, // 8: bare URL
  ].join('|'),
  'g',
)
const BULLET = /^\s*[-*•]\s+(.*)$/
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/

export function allowedLink(url: string, linkHosts: string[]): boolean {
  try {
    const parsed = new URL(url)
    return (
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      parsed.username === '' &&
      parsed.password === '' &&
      linkHosts.includes(parsed.hostname.toLowerCase())
    )
  } catch {
    return false
  }
}

function link(doc: Document, label: string, url: string, linkHosts: string[]): Node {
  if (!allowedLink(url, linkHosts)) return doc.createTextNode(label)
  const a = doc.createElement('a')
  a.href = new URL(url).href
  a.target = '_blank'
  a.rel = 'noopener noreferrer nofollow'
  a.textContent = label || url
  return a
}

function styled(doc: Document, tag: 'strong' | 'em', text: string, linkHosts: string[]): Node {
  const element = doc.createElement(tag)
  element.append(...inline(doc, text, linkHosts))
  return element
}

/** Inline markup of one line. */
export function inline(doc: Document, text: string, linkHosts: string[]): Node[] {
  const nodes: Node[] = []
  let last = 0
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0
    if (at > last) nodes.push(doc.createTextNode(text.slice(last, at)))
    if (m[1] !== undefined) nodes.push(doc.createTextNode(m[1]))
    else if (m[2] !== undefined) nodes.push(link(doc, m[2], m[3] ?? '', linkHosts))
    else if (m[4] !== undefined || m[5] !== undefined) nodes.push(styled(doc, 'strong', (m[4] ?? m[5])!, linkHosts))
    else if (m[6] !== undefined || m[7] !== undefined) nodes.push(styled(doc, 'em', (m[6] ?? m[7])!, linkHosts))
    else if (m[8] !== undefined) nodes.push(link(doc, m[8], m[8], linkHosts))
    last = at + m[0].length
  }
  if (last < text.length) nodes.push(doc.createTextNode(text.slice(last)))
  return nodes
}

function list(doc: Document, lines: string[], ordered: boolean, linkHosts: string[]): Node {
  const element = doc.createElement(ordered ? 'ol' : 'ul')
  for (const line of lines) {
    const li = doc.createElement('li')
    li.append(...inline(doc, line.replace(ordered ? NUMBERED : BULLET, '$1'), linkHosts))
    element.append(li)
  }
  return element
}

function paragraph(doc: Document, lines: string[], linkHosts: string[]): Node {
  const p = doc.createElement('p')
  lines.forEach((line, i) => {
    if (i > 0) p.append(doc.createElement('br'))
    p.append(...inline(doc, line, linkHosts))
  })
  return p
}

/** Renders a reply: blocks separated by blank lines, each a list (every line a bullet) or a paragraph. */
export function render(doc: Document, text: string, linkHosts: string[]): DocumentFragment {
  const fragment = doc.createDocumentFragment()
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '')
    if (lines.length === 0) continue
    if (lines.every((l) => BULLET.test(l))) fragment.append(list(doc, lines, false, linkHosts))
    else if (lines.every((l) => NUMBERED.test(l))) fragment.append(list(doc, lines, true, linkHosts))
    else fragment.append(paragraph(doc, lines, linkHosts))
  }
  return fragment
}
