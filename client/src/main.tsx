import { Route, Router } from '@solidjs/router'
import { render } from 'solid-js/web'

import { AccountPage } from './account/AccountPage'
import { AppShell } from './components/AppShell'
import { HomePage } from './pages/HomePage'
import { InvitePage } from './pages/InvitePage'
import { MeetingRoute } from './pages/MeetingRoute'
import { NotFoundPage } from './pages/NotFoundPage'
import { TeamPage } from './pages/TeamPage'
import './styles.css'

const root = document.getElementById('app')
if (!root) throw new Error('client/index.html must contain <div id="app">')

render(
  () => (
    <Router root={AppShell}>
      <Route path="/" component={HomePage} />
      <Route path="/teams/:teamId" component={TeamPage} />
      <Route path="/meetings/:meetingId" component={MeetingRoute} />
      <Route path="/invites/:token" component={InvitePage} />
      <Route path="/account" component={AccountPage} />
      <Route path="*" component={NotFoundPage} />
    </Router>
  ),
  root,
)
