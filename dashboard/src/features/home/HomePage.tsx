import { Badge, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { api } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { useSession } from '../../lib/session'

type ProviderMode = { component: string; live: boolean; detail: string }

/** What runs live and what is an offline stand-in, plus the tenant the user is working in. */
export function HomePage() {
  const { t } = useI18n()
  const { tenant } = useSession()
  const status = useQuery({ queryKey: ['system-status'], queryFn: () => api.get<ProviderMode[]>('/api/v1/system/status') })
  return (
    <Stack>
      <Title order={2}>{t('home.title')}</Title>
      {tenant ? (
        <Text>
          {tenant.name} · {t('home.role')}: <Badge variant="light">{tenant.role}</Badge>
        </Text>
      ) : (
        <Text>{t('home.noTenant')}</Text>
      )}
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('home.providers')}
        </Title>
        {status.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
        {status.data && (
          <Table>
            <Table.Tbody>
              {status.data.map((mode) => (
                <Table.Tr key={mode.component}>
                  <Table.Td>{mode.component}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Badge color={mode.live ? 'green' : 'orange'}>{mode.live ? t('home.live') : t('home.offline')}</Badge>
                      <Text size="sm">{mode.detail}</Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  )
}
