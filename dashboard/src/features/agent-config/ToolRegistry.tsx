import { ActionIcon, Badge, Card, Code, Collapse, Group, Stack, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react'
import { Fragment, useState } from 'react'
import { useI18n } from '../../lib/i18n'
import type { Tool } from './api'
import { SettingField, type FieldContext } from './SettingField'
import type { Draft } from './useConfigDraft'

/**
 * The tools the agent may call: the tenant's own (declared in its directory, with their parameter schemas)
 * and the platform's built-ins it enables by name. Switching one off removes it from the enabled list.
 */
export function ToolRegistry({ draft, context, tools }: { draft: Draft; context: FieldContext; tools: Tool[] }) {
  const { t } = useI18n()
  const [open, setOpen] = useState<string | null>(null)
  const enabled = Array.isArray(draft.value('agent.enabledTools')) ? (draft.value('agent.enabledTools') as string[]) : []
  const builtIns = enabled.filter((name) => !tools.some((tool) => tool.name === name))
  const rows: (Tool & { builtIn: boolean })[] = [
    ...tools.map((tool) => ({ ...tool, builtIn: false })),
    ...builtIns.map((name) => ({ name, description: t('config.tools.builtInHint'), parameters: null, builtIn: true })),
  ]
  const toggle = (name: string, on: boolean) =>
    draft.set('agent.enabledTools', on ? [...enabled, name] : enabled.filter((n) => n !== name))

  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">{t('config.tools.title')}</Title>
      <SettingField settingKey="agent.enabledTools" label={t('config.tools.label', { enabled: enabled.length, total: rows.length })} context={context}>
        <Table verticalSpacing={6} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('config.tools.enabled')}</Table.Th>
              <Table.Th>{t('config.tools.name')}</Table.Th>
              <Table.Th w={50}><VisuallyHidden>{t('config.tools.schema')}</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((tool) => (
              <Fragment key={tool.name}>
                <Table.Tr>
                  <Table.Td>
                    <Switch size="sm" aria-label={t('config.tools.toggle', { name: tool.name })} checked={enabled.includes(tool.name)}
                      disabled={context.readOnly} onChange={(e) => toggle(tool.name, e.currentTarget.checked)} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <Group gap={6}>
                        <Text size="sm" ff="monospace" fw={600}>{tool.name}</Text>
                        {tool.builtIn && <Badge size="xs" variant="light" color="grape">{t('config.tools.builtIn')}</Badge>}
                      </Group>
                      <Text size="xs" c="dimmed" lineClamp={2}>{tool.description}</Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {tool.parameters != null && (
                      <ActionIcon variant="subtle" aria-expanded={open === tool.name} aria-label={t('config.tools.showSchema', { name: tool.name })}
                        onClick={() => setOpen(open === tool.name ? null : tool.name)}>
                        {open === tool.name ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
                {tool.parameters != null && (
                  <Table.Tr style={{ display: open === tool.name ? undefined : 'none' }}>
                    <Table.Td colSpan={3}>
                      <Collapse expanded={open === tool.name}>
                        <Text size="xs" fw={600} mb={4}>{t('config.tools.schema')}</Text>
                        <Code block>{JSON.stringify(tool.parameters, null, 2)}</Code>
                      </Collapse>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </SettingField>
    </Card>
  )
}
