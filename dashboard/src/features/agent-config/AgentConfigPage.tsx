import { Alert, Button, Center, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { ApiError } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { useConfig, useHistory, usePeople, useResetSetting, useRevert, useSaveConfig, useTenant } from './api'
import { GreetingSection } from './GreetingSection'
import { HandoffSection } from './HandoffSection'
import { HistoryPanel } from './HistoryPanel'
import { ModelSection } from './ModelSection'
import { OtherSettings } from './OtherSettings'
import { PromptSection } from './PromptSection'
import type { FieldContext } from './SettingField'
import { ToolRegistry } from './ToolRegistry'
import { useConfigDraft } from './useConfigDraft'

/** The settings this screen has inputs for; any other key a module declares appears under "Other settings". */
const KNOWN_KEYS = ['agent.provider', 'agent.model', 'agent.fallbackModel', 'agent.fallbackToFlow', 'agent.temperature',
  'agent.maxTokens', 'agent.sessionExpiryMinutes', 'agent.greeting', 'agent.systemPrompt', 'agent.enabledTools',
  'workspace.autoAssign', 'workspace.agentCapacity']

/** Screen 04: the AI agent's configuration. Admins and owners edit; agents read. */
export function AgentConfigPage() {
  const { t } = useI18n()
  const { tenant } = useSession()
  if (!tenant) return <Text>{t('home.noTenant')}</Text>
  return <AgentConfig key={tenant.slug} slug={tenant.slug} readOnly={tenant.role === 'agent'} />
}

function AgentConfig({ slug, readOnly }: { slug: string; readOnly: boolean }) {
  const { t } = useI18n()
  const config = useConfig(slug)
  const tenant = useTenant(slug)
  const history = useHistory(slug)
  const people = usePeople(slug)
  const save = useSaveConfig(slug)
  const reset = useResetSetting(slug)
  const revert = useRevert(slug)
  const draft = useConfigDraft(config.data?.settings)
  const [failure, setFailure] = useState<ApiError | null>(null)

  if (config.isLoading || tenant.isLoading) return <Center p="xl"><Loader aria-label={t('common.loading')} /></Center>
  if (!config.data || !tenant.data) return <Alert color="red" role="alert">{t('common.error')}</Alert>

  const settings = config.data.settings
  const bySetting = new Map(settings.map((s) => [s.key, s]))
  const labelOf = (key: string) => t(`config.key.${key}`) === `config.key.${key}` ? key : t(`config.key.${key}`)
  const failed = (e: unknown) => {
    if (e instanceof ApiError) setFailure(e)
    notifications.show({ color: 'red', title: t('config.saveFailed'), message: e instanceof ApiError ? e.message : t('common.error') })
  }
  const context: FieldContext = {
    setting: (key) => bySetting.get(key),
    people: people.data,
    dirty: draft.dirty,
    error: (key) => failure?.fieldError(key),
    readOnly,
    onReset: (key) => reset.mutate(key, { onError: failed }),
  }
  const submit = () => {
    setFailure(null)
    save.mutate(draft.changes(), {
      onSuccess: () => {
        draft.discard()
        notifications.show({ color: 'teal', message: t('config.saved') })
      },
      onError: failed,
    })
  }

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2}>{t('config.title')}</Title>
          <Text size="sm" c="dimmed">{t('config.subtitle', { name: tenant.data.name })}</Text>
        </div>
      </Group>
      {readOnly && <Alert color="blue" variant="light">{t('config.readOnly')}</Alert>}
      {failure && failure.problem.errors && <Alert color="red" role="alert">{t('config.fixErrors')}</Alert>}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <ModelSection draft={draft} context={context} />
            <GreetingSection draft={draft} context={context} languages={tenant.data.languages} />
            <PromptSection draft={draft} context={context} />
            <ToolRegistry draft={draft} context={context} tools={tenant.data.tools} />
            <HandoffSection draft={draft} context={context} />
            <OtherSettings settings={settings.filter((s) => !KNOWN_KEYS.includes(s.key))} draft={draft} context={context} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <HistoryPanel changes={history.data} people={people.data} labelOf={labelOf} readOnly={readOnly}
            reverting={revert.isPending ? revert.variables ?? null : null}
            onRevert={(version) => revert.mutate(version, { onError: failed })} />
        </Grid.Col>
      </Grid>
      {!readOnly && draft.dirty.length > 0 && (
        <Paper withBorder shadow="md" p="sm" pos="sticky" bottom={16} style={{ zIndex: 5 }}>
          <Group justify="space-between">
            <Text size="sm">{t('config.unsaved', { count: draft.dirty.length })}</Text>
            <Group gap="xs">
              <Button variant="default" onClick={() => { draft.discard(); setFailure(null) }}>{t('config.discard')}</Button>
              <Button onClick={submit} loading={save.isPending}>{t('config.save')}</Button>
            </Group>
          </Group>
        </Paper>
      )}
    </Stack>
  )
}
