import type { User } from '../types'
import { SignInForm } from './SignInForm'
import { SignUpForm } from './SignUpForm'

export interface AuthPanelProps {
  onSignedIn: (user: User) => void | Promise<void>
}

/** Sign-in and sign-up forms side by side. */
export function AuthPanel(props: AuthPanelProps) {
  return (
    <div class="auth-panel">
      <SignInForm onSignedIn={(user) => props.onSignedIn(user)} />
      <SignUpForm onSignedIn={(user) => props.onSignedIn(user)} />
    </div>
  )
}
