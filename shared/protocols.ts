/** One step of a protocol, run against the clock. */
export interface Phase {
  /** Stable id, unique within its protocol; the meeting document names notes `notes:<id>`. */
  id: string
  title: string
  /** Default length in minutes. */
  minutes: number
  /** What the team does in this phase. */
  prompt?: string
}

export interface ProtocolTemplate {
  id: string
  name: string
  phases: Phase[]
}

/** Built-in protocol templates, served by `GET /api/protocols`. */
export const protocolTemplates: ProtocolTemplate[] = [
  {
    id: 'vital-lesson-tuning',
    name: 'Lesson tuning (VITAL)',
    phases: [
      {
        id: 'organize',
        title: 'Organize',
        minutes: 5,
        prompt: 'Name the roles, the norms and the focus question the presenter brings.',
      },
      {
        id: 'review',
        title: 'Review',
        minutes: 15,
        prompt: 'The presenter walks through the lesson; everyone reads the plan and materials.',
      },
      {
        id: 'discuss',
        title: 'Discuss',
        minutes: 20,
        prompt: 'Give warm and cool feedback on the lesson against the focus question.',
      },
      {
        id: 'evaluate',
        title: 'Evaluate',
        minutes: 10,
        prompt: 'The presenter reflects on the feedback and decides which changes to make.',
      },
      {
        id: 'recap',
        title: 'Recap next steps',
        minutes: 5,
        prompt: 'Agree on next steps, owners and dates, and what to bring to the next meeting.',
      },
    ],
  },
]

/** Finds a built-in template by id. */
export function findProtocolTemplate(id: string): ProtocolTemplate | undefined {
  return protocolTemplates.find((template) => template.id === id)
}

/** Name of the Yjs XmlFragment that holds one phase's notes. */
export function notesFragmentName(phaseId: string): string {
  return `notes:${phaseId}`
}
