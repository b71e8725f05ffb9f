import { lazy, Suspense } from 'solid-js'

import { Loading } from '../components/Loading'

// The meeting page carries Tiptap, Yjs and y-websocket; loading it on demand keeps them out of
// the bundle that the sign-in and team pages need.
const MeetingPage = lazy(() =>
  import('./MeetingPage').then((module) => ({ default: module.MeetingPage })),
)

/** Renders the meeting page, fetching its code the first time a meeting is opened. */
export function MeetingRoute() {
  return (
    <Suspense fallback={<Loading label="Loading meeting…" />}>
      <MeetingPage />
    </Suspense>
  )
}
