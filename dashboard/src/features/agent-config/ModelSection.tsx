import { Card, Group, NumberInput, Select, SimpleGrid, Slider, Stack, Switch, TextInput, Title } from '@mantine/core'
import { useI18n } from '../../lib/i18n'
import type { Json } from './api'
import { SettingField, type FieldContext } from './SettingField'
import type { Draft } from './useConfigDraft'

const PROVIDERS = ['anthropic', 'openai-compatible', 'offline']

const asNumber = (v: Json | undefined) => (typeof v === 'number' ? v : '')
const asString = (v: Json | undefined) => (typeof v === 'string' ? v : '')

/** Provider, model, fallback, temperature, max tokens, session expiry. */
export function ModelSection({ draft, context }: { draft: Draft; context: FieldContext }) {
  const { t } = useI18n()
  const temperature = typeof draft.value('agent.temperature') === 'number' ? (draft.value('agent.temperature') as number) : 0
  const number = (key: string) => (v: string | number) => draft.set(key, typeof v === 'number' ? v : v === '' ? null : Number(v))
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">{t('config.model.title')}</Title>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <SettingField settingKey="agent.provider" label={t('config.model.provider')} context={context}>
            <Select aria-label={t('config.model.provider')} value={asString(draft.value('agent.provider'))} disabled={context.readOnly}
              allowDeselect={false} data={PROVIDERS.map((p) => ({ value: p, label: t(`config.provider.${p}`) }))}
              onChange={(v) => v && draft.set('agent.provider', v)} />
          </SettingField>
          <SettingField settingKey="agent.model" label={t('config.model.model')} context={context}>
            <TextInput aria-label={t('config.model.model')} value={asString(draft.value('agent.model'))} disabled={context.readOnly}
              onChange={(e) => draft.set('agent.model', e.currentTarget.value)} />
          </SettingField>
          <SettingField settingKey="agent.fallbackModel" label={t('config.model.fallbackModel')} context={context}>
            <TextInput aria-label={t('config.model.fallbackModel')} value={asString(draft.value('agent.fallbackModel'))} disabled={context.readOnly}
              placeholder={t('config.model.none')} onChange={(e) => draft.set('agent.fallbackModel', e.currentTarget.value || null)} />
          </SettingField>
          <SettingField settingKey="agent.fallbackToFlow" label={t('config.model.fallbackToFlow')} context={context}>
            <Switch aria-label={t('config.model.fallbackToFlow')} checked={draft.value('agent.fallbackToFlow') === true} disabled={context.readOnly}
              onChange={(e) => draft.set('agent.fallbackToFlow', e.currentTarget.checked)} />
          </SettingField>
        </SimpleGrid>
        <SettingField settingKey="agent.temperature" label={t('config.model.temperature')} context={context}>
          <Group wrap="nowrap" align="center">
            <Slider style={{ flex: 1 }} min={0} max={2} step={0.05} value={temperature} disabled={context.readOnly}
              aria-label={t('config.model.temperatureSlider')} label={(v) => v.toFixed(2)}
              marks={[{ value: 0, label: '0' }, { value: 1, label: '1' }, { value: 2, label: '2' }]}
              onChange={(v) => draft.set('agent.temperature', Math.round(v * 100) / 100)} />
            <NumberInput w={100} aria-label={t('config.model.temperature')} min={0} max={2} step={0.05} decimalScale={2} value={asNumber(draft.value('agent.temperature'))} disabled={context.readOnly}
              onChange={number('agent.temperature')} />
          </Group>
        </SettingField>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <SettingField settingKey="agent.maxTokens" label={t('config.model.maxTokens')} context={context}>
            <NumberInput aria-label={t('config.model.maxTokens')} min={1} max={64000} step={256} allowDecimal={false} thousandSeparator=" "
              value={asNumber(draft.value('agent.maxTokens'))} disabled={context.readOnly} onChange={number('agent.maxTokens')} />
          </SettingField>
          <SettingField settingKey="agent.sessionExpiryMinutes" label={t('config.model.sessionExpiry')} context={context}>
            <NumberInput aria-label={t('config.model.sessionExpiry')} min={1} max={10080} allowDecimal={false} suffix={` ${t('config.minutes')}`}
              value={asNumber(draft.value('agent.sessionExpiryMinutes'))} disabled={context.readOnly} onChange={number('agent.sessionExpiryMinutes')} />
          </SettingField>
        </SimpleGrid>
      </Stack>
    </Card>
  )
}
