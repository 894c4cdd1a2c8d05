import { ActionIcon, Alert, Button, Card, Center, Group, Loader, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { ApiError } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { useCannedReplies, useDeleteCannedReply, useSaveCannedReply, type CannedReply, type Draft } from './api'
import { CannedReplyForm } from './CannedReplyForm'

/** The tenant's canned replies: everyone reads them; admins and owners keep them. */
export function CannedRepliesPage() {
  const { t } = useI18n()
  const { tenant } = useSession()
  if (!tenant) return <Text>{t('home.noTenant')}</Text>
  return <CannedReplies key={tenant.slug} slug={tenant.slug} canEdit={tenant.role !== 'agent'} />
}

function CannedReplies({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const { t } = useI18n()
  const replies = useCannedReplies(slug)
  const save = useSaveCannedReply(slug)
  const remove = useDeleteCannedReply(slug)
  const [editing, setEditing] = useState<CannedReply | 'new' | null>(null)

  const close = () => {
    setEditing(null)
    save.reset()
  }
  const submit = (draft: Draft) =>
    save.mutate({ id: editing !== 'new' && editing ? editing.id : undefined, draft }, { onSuccess: close })

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2}>{t('canned.title')}</Title>
          <Text size="sm" c="dimmed">{t('canned.subtitle')}</Text>
        </div>
        {canEdit && <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('canned.add')}</Button>}
      </Group>
      {!canEdit && <Alert color="blue" variant="light">{t('canned.readOnly')}</Alert>}
      <Card withBorder p={0}>
        {replies.isLoading && <Center p="lg"><Loader size="sm" aria-label={t('common.loading')} /></Center>}
        {replies.data?.length === 0 && <Text p="lg" c="dimmed">{t('canned.empty')}</Text>}
        {replies.data && replies.data.length > 0 && (
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('canned.shortcut')}</Table.Th>
                <Table.Th>{t('canned.titleLabel')}</Table.Th>
                <Table.Th>{t('canned.body')}</Table.Th>
                {canEdit && <Table.Th w={90} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {replies.data.map((reply) => (
                <Table.Tr key={reply.id}>
                  <Table.Td><Text ff="monospace" size="sm">/{reply.shortcut}</Text></Table.Td>
                  <Table.Td>{reply.title}</Table.Td>
                  <Table.Td><Text size="sm" lineClamp={2}>{reply.body}</Text></Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={t('common.edit')}>
                          <ActionIcon variant="subtle" aria-label={t('canned.editNamed', { shortcut: reply.shortcut })} onClick={() => setEditing(reply)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('common.delete')}>
                          <ActionIcon variant="subtle" color="red" aria-label={t('canned.deleteNamed', { shortcut: reply.shortcut })}
                            loading={remove.isPending && remove.variables === reply.id} onClick={() => remove.mutate(reply.id)}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Modal opened={editing !== null} onClose={close} title={editing === 'new' ? t('canned.add') : t('canned.edit')} size="lg">
        {editing !== null && (
          <CannedReplyForm initial={editing === 'new' ? undefined : editing} saving={save.isPending}
            error={save.error instanceof ApiError ? save.error : null} onSave={submit} onCancel={close} />
        )}
      </Modal>
    </Stack>
  )
}
