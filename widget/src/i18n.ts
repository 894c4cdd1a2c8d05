// The widget's words in the languages tenants may serve (tenant.schema.json allows en and es).
export type Language = 'en' | 'es'

export interface Texts {
  open: string
  close: string
  chatWith: (name: string) => string
  messages: string
  message: string
  send: string
  endChat: string
  typing: (name: string) => string
  assistant: string
  humanAgent: (name: string) => string
  you: string
  sending: string
  failed: string
  retry: string
  tooLong: (limit: number) => string
  slowDown: string
  busy: string
  offline: string
  reconnecting: string
  ended: string
  rateQuestion: string
  rateOption: (n: number) => string
  thanks: string
  humanJoined: string
  newConversation: string
  unread: (n: number) => string
}

const en: Texts = {
  open: 'Open chat',
  close: 'Minimise chat',
  chatWith: (name) => `Chat with ${name}`,
  messages: 'Messages',
  message: 'Message',
  send: 'Send',
  endChat: 'End chat',
  typing: (name) => `${name} is typing…`,
  assistant: 'Virtual assistant',
  humanAgent: (name) => (name ? `${name} (agent)` : 'Agent'),
  you: 'You',
  sending: 'Sending…',
  failed: 'Not sent.',
  retry: 'Retry',
  tooLong: (limit) => `Messages can have at most ${limit} characters.`,
  slowDown: 'You are sending messages too quickly. Wait a moment and try again.',
  busy: 'We are very busy right now. Your message was not sent; please try again in a moment.',
  offline: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  ended: 'This conversation has ended.',
  rateQuestion: 'How was this conversation?',
  rateOption: (n) => `${n} out of 5`,
  thanks: 'Thank you for your feedback!',
  humanJoined: 'A person from our team has joined the conversation.',
  newConversation: 'New conversation',
  unread: (n) => `${n} new`,
}

const es: Texts = {
  open: 'Abrir chat',
  close: 'Minimizar chat',
  chatWith: (name) => `Chat con ${name}`,
  messages: 'Mensajes',
  message: 'Mensaje',
  send: 'Enviar',
  endChat: 'Terminar chat',
  typing: (name) => `${name} está escribiendo…`,
  assistant: 'Asistente virtual',
  humanAgent: (name) => (name ? `${name} (agente)` : 'Agente'),
  you: 'Tú',
  sending: 'Enviando…',
  failed: 'No enviado.',
  retry: 'Reintentar',
  tooLong: (limit) => `Los mensajes pueden tener como máximo ${limit} caracteres.`,
  slowDown: 'Estás enviando mensajes muy rápido. Espera un momento e inténtalo de nuevo.',
  busy: 'Ahora mismo estamos muy ocupados. Tu mensaje no se ha enviado; inténtalo de nuevo en un momento.',
  offline: 'Conectando…',
  reconnecting: 'Se perdió la conexión. Reconectando…',
  ended: 'Esta conversación ha terminado.',
  rateQuestion: '¿Qué te ha parecido esta conversación?',
  rateOption: (n) => `${n} de 5`,
  thanks: '¡Gracias por tu opinión!',
  humanJoined: 'Una persona de nuestro equipo se ha unido a la conversación.',
  newConversation: 'Nueva conversación',
  unread: (n) => `${n} nuevos`,
}

export const texts: Record<Language, Texts> = { en, es }

/**
 * The widget's language: the script tag's data-lang, else the page's lang, else the tenant's first language;
 * always one the tenant serves.
 */
export function chooseLanguage(dataLang: string | null, pageLang: string | null, tenantLanguages: string[]): Language {
  const served = tenantLanguages.filter((l): l is Language => l === 'en' || l === 'es')
  for (const candidate of [dataLang, pageLang]) {
    const primary = candidate?.trim().toLowerCase().split(/[-_]/)[0]
    if (primary && (served as string[]).includes(primary)) return primary as Language
  }
  return served[0] ?? 'en'
}
