import { randomUUID } from 'node:crypto'

export interface ApiResponse<T = any> {
  status: number
  body: T
  headers: Headers
}

/** A user's HTTP client for the API, keeping the session cookie between calls. */
export class ApiClient {
  readonly baseUrl: string
  cookie = ''
  user?: { id: string; email: string; name: string }

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    let payload: string | undefined
    if (typeof body === 'string') payload = body
    else if (body !== undefined) payload = JSON.stringify(body)

    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: payload,
    })

    const setCookie = response.headers.getSetCookie()
    for (const line of setCookie) {
      const pair = line.split(';')[0]
      if (pair.startsWith('plc_session=')) this.cookie = pair.endsWith('=') ? '' : pair
    }

    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // Not JSON, such as an exported Markdown record; the text is the body.
    }
    return { status: response.status, body: parsed as T, headers: response.headers }
  }

  /** Signs up a new user with a unique email and keeps the session. */
  async signup(name = 'Teacher'): Promise<this> {
    const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID()}@school.test`
    const response = await this.request('POST', '/api/auth/signup', {
      email,
      name,
      password: 'correct horse battery',
    })
    if (response.status !== 201) throw new Error(`signup failed: ${JSON.stringify(response.body)}`)
    this.user = response.body
    return this
  }

  async createTeam(name = 'Grade 5 team'): Promise<string> {
    const response = await this.request('POST', '/api/teams', { name })
    if (response.status !== 201) throw new Error(`team failed: ${JSON.stringify(response.body)}`)
    return response.body.id
  }

  async createMeeting(teamId: string, title = 'Week 2 lesson tuning'): Promise<string> {
    const response = await this.request('POST', `/api/teams/${teamId}/meetings`, {
      title,
      protocolId: 'vital-lesson-tuning',
    })
    if (response.status !== 201) throw new Error(`meeting failed: ${JSON.stringify(response.body)}`)
    return response.body.id
  }

  /** Invites `other` into the team with a role and has them accept. */
  async addMember(teamId: string, other: ApiClient, role: string): Promise<void> {
    const invite = await this.request('POST', `/api/teams/${teamId}/invites`, { role })
    if (invite.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`)
    const accepted = await other.request('POST', `/api/invites/${invite.body.token}/accept`)
    if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`)
  }
}

/** Signs up a facilitator who creates a team and a meeting in it, ready for a test. */
export async function setupMeeting(baseUrl: string) {
  const facilitator = await new ApiClient(baseUrl).signup('Facilitator')
  const teamId = await facilitator.createTeam()
  const meetingId = await facilitator.createMeeting(teamId)
  return { facilitator, teamId, meetingId }
}
