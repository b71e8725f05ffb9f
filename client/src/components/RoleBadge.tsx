import type { MemberRole } from '../types'

export interface RoleBadgeProps {
  role: MemberRole
}

const roleLabels: Record<MemberRole, string> = {
  facilitator: 'Facilitator',
  member: 'Member',
  observer: 'Observer',
}

export function roleLabel(role: MemberRole): string {
  return roleLabels[role] ?? role
}

export function RoleBadge(props: RoleBadgeProps) {
  return <span class={`badge badge--${props.role}`}>{roleLabel(props.role)}</span>
}
