import { A } from '@solidjs/router'

import { usePageTitle } from '../components/page-title'

export function NotFoundPage() {
  usePageTitle(() => 'Page not found')
  return (
    <section class="page page--narrow">
      <h1>Page not found</h1>
      <p>
        This address does not match any page. <A href="/">Go to your teams</A>.
      </p>
    </section>
  )
}
