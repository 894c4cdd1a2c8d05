import { describe, expect, it } from 'vitest'
import { fillVariables, matching, slashQuery } from './cannedReplies'

const variables = { 'contact.name': 'Lucía', 'agent.name': 'Diego', 'tenant.name': 'Acme' }

describe('canned replies', () => {
  it('fills the known variables, tolerating spaces inside the braces', () => {
    expect(fillVariables('Hola {{contact.name}}, soy {{ agent.name }} de {{tenant.name}}.', variables))
      .toBe('Hola Lucía, soy Diego de Acme.')
  })

  it('leaves unknown variables visible instead of dropping them', () => {
    expect(fillVariables('Order {{order.id}} for {{contact.name}}', variables)).toBe('Order {{order.id}} for Lucía')
  })

  it('recognises a shortcut being typed only at the start and without spaces', () => {
    expect(slashQuery('/hol')).toBe('hol')
    expect(slashQuery('/')).toBe('')
    expect(slashQuery('hello /hol')).toBeNull()
    expect(slashQuery('/hola que tal')).toBeNull()
  })

  it('ranks shortcuts that start with the query first', () => {
    const replies = [
      { id: '1', shortcut: 'thanks-hola', title: 'Thanks', body: '' },
      { id: '2', shortcut: 'hola', title: 'Greeting', body: '' },
      { id: '3', shortcut: 'bye', title: 'Goodbye', body: '' },
    ]
    expect(matching(replies, 'hol').map((r) => r.shortcut)).toEqual(['hola', 'thanks-hola'])
    expect(matching(replies, 'good').map((r) => r.shortcut)).toEqual(['bye'])
  })
})
