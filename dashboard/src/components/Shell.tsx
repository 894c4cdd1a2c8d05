import { AppShell, Burger, Group, NavLink, SegmentedControl, Select, Switch, Text, useMantineColorScheme } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useQueryClient } from '@tanstack/react-query'
import { Navigate, NavLink as RouterLink, Outlet, useLocation } from 'react-router'
import { api } from '../lib/api'
import { useI18n, type Language } from '../lib/i18n'
import { useSession } from '../lib/session'

/** Navigation entries; each screen adds itself here. */
export const navigation = [{ to: '/', label: 'nav.home' }]

export function Shell() {
  const { t, language, setLanguage } = useI18n()
  const { signedIn, me, tenant, selectTenant } = useSession()
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  const [opened, { toggle }] = useDisclosure()
  const queryClient = useQueryClient()
  const location = useLocation()
  if (!signedIn) return <Navigate to="/login" replace state={{ from: location.pathname }} />

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="menu" />
            <Text fw={700}>{t('app.name')}</Text>
          </Group>
          <Group>
            {me && me.tenants.length > 0 && (
              <Select aria-label={t('nav.tenant')} size="xs" value={tenant?.slug ?? null} allowDeselect={false}
                data={me.tenants.map((x) => ({ value: x.slug, label: x.name }))}
                onChange={(v) => v && selectTenant(v)} />
            )}
            <SegmentedControl size="xs" aria-label={t('nav.language')} value={language}
              onChange={(v) => setLanguage(v as Language)} data={[{ value: 'en', label: 'EN' }, { value: 'es', label: 'ES' }]} />
            <Switch size="sm" aria-label={t('nav.colorScheme')} checked={colorScheme === 'dark'}
              onChange={(e) => setColorScheme(e.currentTarget.checked ? 'dark' : 'light')} />
            <Text size="sm">{me?.displayName}</Text>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {navigation.map((item) => (
          <NavLink key={item.to} component={RouterLink} to={item.to} label={t(item.label)} />
        ))}
        <NavLink label={t('nav.signOut')} onClick={() => api.logout().then(() => queryClient.clear())} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}
