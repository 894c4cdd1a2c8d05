import { Badge, Divider, Group, ScrollArea, Stack, Text, Title } from '@mantine/core'
import { IconRosetteDiscountCheck } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { formatDateTime } from '../../lib/format'
import { useI18n } from '../../lib/i18n'
import { reasonLabel } from './audit'
import { AuditTrail } from './AuditTrail'
import { channelColor, contactLabel, presenceColor, statusColor } from './labels'
import type { Agent, ConversationDetail } from './types'

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
      <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>{label}</Text>
      <Text size="sm" ta="right" component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{children}</Text>
    </Group>
  )
}

/** Who the customer is, where and since when they are talking, who holds the conversation, and its history. */
export function ContactPanel({ detail, agents }: { detail: ConversationDetail; agents: Agent[] | undefined }) {
  const { t, language } = useI18n()
  const { conversation: c, contact } = detail
  const holder = c.assignee ? agents?.find((a) => a.id === c.assignee?.id) : undefined
  return (
    <ScrollArea style={{ flex: 1 }} type="auto">
      <Stack gap="sm" p="sm" component="section" aria-label={t('contact.panel')}>
        <Title order={4}>{contactLabel(contact.customerName ?? contact.displayName, t('workspace.anonymous'))}</Title>
        {contact.customerRef && (
          <Group gap={4}>
            <IconRosetteDiscountCheck size={16} color="var(--mantine-color-teal-filled)" aria-hidden />
            <Text size="sm">{t('contact.verified', { ref: contact.customerRef })}</Text>
          </Group>
        )}
        <Row label={t('contact.channel')}><Badge size="sm" variant="light" color={channelColor[c.channel]}>{t(`channel.${c.channel}`)}</Badge></Row>
        <Row label={t('contact.address')}>{contact.channelAddress}</Row>
        {contact.displayName && contact.customerName && <Row label={t('contact.displayName')}>{contact.displayName}</Row>}
        <Row label={t('contact.language')}>{c.language ?? contact.language ? t(`language.${c.language ?? contact.language}`) : '—'}</Row>
        <Row label={t('contact.firstSeen')}>{formatDateTime(contact.firstSeenAt, language)}</Row>
        <Divider />
        <Row label={t('contact.state')}><Badge size="sm" color={statusColor[c.status]}>{t(`status.${c.status}`)}</Badge></Row>
        <Row label={t('contact.assignee')}>
          {c.assignee ? (
            <Group gap={6} justify="flex-end" wrap="nowrap">
              {holder && <Badge size="xs" variant="dot" color={presenceColor[holder.status]}>{t(`presence.${holder.status}`)}</Badge>}
              <span>{c.assignee.name ?? t('workspace.formerMember')}</span>
            </Group>
          ) : c.owner === 'ai' ? t('role.ai') : t('contact.unassigned')}
        </Row>
        <Row label={t('contact.started')}>{formatDateTime(c.openedAt, language)}</Row>
        {c.handoffReason && <Row label={t('contact.handoffReason')}>{reasonLabel(c.handoffReason, t)}</Row>}
        {c.closedAt && <Row label={t('contact.closed')}>{formatDateTime(c.closedAt, language)}{c.closeReason ? ` · ${reasonLabel(c.closeReason, t)}` : ''}</Row>}
        {c.csat != null && <Row label={t('contact.csat')}>{'★'.repeat(c.csat)}{'☆'.repeat(5 - c.csat)}</Row>}
        <Divider />
        <Title order={5}>{t('audit.title')}</Title>
        <AuditTrail entries={detail.audit} />
      </Stack>
    </ScrollArea>
  )
}
