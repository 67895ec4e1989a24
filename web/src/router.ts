import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { ensureSession, session } from './api/session'
import type { Role } from './api/types'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    roles?: Role[]
    nav?: string
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/overview' },
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
  { path: '/overview', name: 'overview', component: () => import('./views/OverviewView.vue'), meta: { nav: 'overview' } },
  { path: '/air', name: 'air', component: () => import('./views/AirView.vue'), meta: { nav: 'air' } },
  { path: '/stations', name: 'stations', component: () => import('./views/StationsView.vue'), meta: { nav: 'stations' } },
  { path: '/water', name: 'water', component: () => import('./views/WaterView.vue'), meta: { nav: 'water' } },
  { path: '/water/sections/:id(\\d+)', name: 'water-section', component: () => import('./views/WaterSectionView.vue'), meta: { nav: 'water' } },
  { path: '/soil', name: 'soil', component: () => import('./views/SoilView.vue'), meta: { nav: 'soil' } },
  { path: '/assessment', name: 'assessment', component: () => import('./views/AssessmentView.vue'), meta: { nav: 'assessment' } },
  { path: '/problems', name: 'problems', component: () => import('./views/CasesView.vue'), meta: { nav: 'problems' } },
  { path: '/problems/:id(\\d+)', name: 'problem', component: () => import('./views/CasesProblemView.vue'), meta: { nav: 'problems' } },
  { path: '/monitoring', name: 'hj212', component: () => import('./views/Hj212View.vue'), meta: { nav: 'hj212' } },
  { path: '/ledger', name: 'ledger', component: () => import('./views/LedgerView.vue'), meta: { nav: 'ledger' } },
  { path: '/ledger/tasks/:id(\\d+)', name: 'ledger-task', component: () => import('./views/LedgerTaskView.vue'), meta: { nav: 'ledger' } },
  { path: '/ledger/mine', name: 'ledger-mine', component: () => import('./views/LedgerMineView.vue'), meta: { nav: 'ledger' } },
  { path: '/ledger/supervision', name: 'ledger-supervision', component: () => import('./views/LedgerSupervisionView.vue'), meta: { nav: 'ledger' } },
  { path: '/org', name: 'org', component: () => import('./views/OrgView.vue'), meta: { nav: 'org', roles: ['admin'] } },
  { path: '/targets', name: 'targets', component: () => import('./views/TargetsView.vue'), meta: { nav: 'overview' } },
  { path: '/import', name: 'import', component: () => import('./views/ImportView.vue'), meta: { nav: 'imports', roles: ['admin', 'bureau', 'unit'] } },
  { path: '/audit', name: 'audit', component: () => import('./views/AuditView.vue'), meta: { nav: 'audit', roles: ['admin', 'bureau', 'leader'] } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  const user = await ensureSession()
  if (to.meta.public) {
    if (user && to.name === 'login') return { path: (to.query.redirect as string) || '/overview' }
    return true
  }
  if (!user) return { name: 'login', query: to.fullPath !== '/overview' ? { redirect: to.fullPath } : {} }
  if (to.meta.roles && !to.meta.roles.includes(user.role)) return { name: 'overview' }
  return true
})

/** Called by the API client on a 401: the session is gone. */
export function goToLogin(): void {
  session.user = null
  session.checked = true
  const current = router.currentRoute.value
  if (current.name !== 'login') {
    void router.push({ name: 'login', query: current.fullPath && current.fullPath !== '/' ? { redirect: current.fullPath } : {} })
  }
}
