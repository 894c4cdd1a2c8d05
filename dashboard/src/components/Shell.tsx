import { ActionIcon, AppShell, Badge, Burger, Center, Loader, Group, NavLink, SegmentedControl, Select, Switch, Text, Tooltip, useMantineColorScheme } from '@mantine/core'
import { useDisclosure, useLocalStorage } from '@mantine/hooks'
import { IconHome, IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand, IconLogout, IconMessageBolt, IconMessages, IconRobot } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { Suspense, type ComponentType } from 'react'
import { Navigate, NavLink as RouterLink, Outlet, useLocation } from 'react-router'
import { api } from '../lib/api'
import { useI18n, type Language } from '../lib/i18n'
import { useLiveStatus } from '../lib/liveContext'
import { useSession, type TenantAccess } from '../lib/session'

type Entry = { to: string; label: string; icon: ComponentType<{ size?: number }>; roles?: TenantAccess['role'][] }

/** Navigation entries; each screen adds itself here. */
const navigation: Entry[] = [
  { to: '/', label: 'nav.home', icon: IconHome },
  { to: '/conversations', label: 'nav.workspace', icon: IconMessages },
  { to: '/agent', label: 'nav.agent', icon: IconRobot },
  { to: '/canned-replies', label: 'nav.canned', icon: IconMessageBolt },
]

const liveColor = { open: 'teal', connecting: 'yellow', offline: 'gray' } as const

export function Shell() {
  const { t, language, setLanguage } = useI18n()
  const { signedIn, me, tenant, selectTenant } = useSession()
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  const [mobileOpened, { toggle: toggleMobile }] = useDisclosure()
  const [desktopOpened, setDesktopOpened] = useLocalStorage({ key: 'switchboard.navbar', defaultValue: true })
  const queryClient = useQueryClient()
  const location = useLocation()
  const live = useLiveStatus()
  if (!signedIn) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />

  const active = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname.startsWith(to))
  return (
    <AppShell header={{ height: 56 }} padding="md"
      navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !mobileOpened, desktop: !desktopOpened } }}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={mobileOpened} onClick={toggleMobile} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <ActionIcon variant="subtle" color="gray" visibleFrom="sm" aria-label={t('nav.menu')} aria-expanded={desktopOpened}
              onClick={() => setDesktopOpened(!desktopOpened)}>
              {desktopOpened ? <IconLayoutSidebarLeftCollapse size={20} /> : <IconLayoutSidebarLeftExpand size={20} />}
            </ActionIcon>
            <Text fw={700}>{t('app.name')}</Text>
          </Group>
          <Group wrap="nowrap" gap="sm">
            <Tooltip label={t(`live.${live}.hint`)}>
              <Badge variant="dot" color={liveColor[live]} data-testid="live-status">{t(`live.${live}`)}</Badge>
            </Tooltip>
            {me && me.tenants.length > 0 && (
              <Select aria-label={t('nav.tenant')} size="xs" value={tenant?.slug ?? null} allowDeselect={false} w={190}
                data={me.tenants.map((x) => ({ value: x.slug, label: x.name }))}
                onChange={(v) => v && selectTenant(v)} />
            )}
            <SegmentedControl size="xs" aria-label={t('nav.language')} value={language}
              onChange={(v) => setLanguage(v as Language)} data={[{ value: 'en', label: 'EN' }, { value: 'es', label: 'ES' }]} />
            <Switch size="sm" aria-label={t('nav.colorScheme')} checked={colorScheme === 'dark'}
              onChange={(e) => setColorScheme(e.currentTarget.checked ? 'dark' : 'light')} />
            <Text size="sm" visibleFrom="md">{me?.displayName}</Text>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {navigation.filter((item) => !item.roles || (tenant && item.roles.includes(tenant.role))).map((item) => (
          <NavLink key={item.to} component={RouterLink} to={item.to} label={t(item.label)} active={active(item.to)}
            leftSection={<item.icon size={18} />} />
        ))}
        <NavLink mt="auto" label={t('nav.signOut')} leftSection={<IconLogout size={18} />}
          onClick={() => api.logout().then(() => queryClient.clear())} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Center p="xl"><Loader aria-label={t('common.loading')} /></Center>}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  )
}
