/**
 * The protocol library: the templates a meeting can run, phase by phase, against the clock.
 *
 * A meeting copies its template's phases when it is created, so editing a template later does
 * not change past meetings.
 */

/** Kinds of feedback card a phase can invite. */
export const feedbackKinds = [
  'warm',
  'cool',
  'clarifying',
  'probing',
  'notice',
  'wonder',
  'glow',
  'grow',
  'next-step',
] as const

export type FeedbackKind = (typeof feedbackKinds)[number]

/** Labels for the feedback kinds, for menus and exports. */
export const feedbackKindLabels: Record<FeedbackKind, string> = {
  warm: 'Warm feedback',
  cool: 'Cool feedback',
  clarifying: 'Clarifying question',
  probing: 'Probing question',
  notice: 'I notice',
  wonder: 'I wonder',
  glow: 'Glow',
  grow: 'Grow',
  'next-step': 'Next step',
}

/**
 * Speaking mode of a phase:
 * - `everyone`: open discussion.
 * - `presenter`: the presenting teacher speaks and the group listens.
 * - `group`: the group speaks and the presenter listens silently.
 * - `silent`: everyone works or reflects on their own.
 */
export const speakerModes = ['everyone', 'presenter', 'group', 'silent'] as const

export type SpeakerMode = (typeof speakerModes)[number]

export const speakerModeLabels: Record<SpeakerMode, string> = {
  everyone: 'Open discussion',
  presenter: 'Presenter speaks, group listens',
  group: 'Group speaks, presenter silent',
  silent: 'Silent individual work',
}

/** One step of a protocol, run against the clock. */
export interface Phase {
  /** Stable id, unique within its protocol; the meeting document names notes `notes:<id>`. */
  id: string
  title: string
  /** Default length in minutes. */
  minutes: number
  /** Instructions for the team in this phase. */
  prompt?: string
  /** Feedback card kinds this phase invites; `phaseCardKinds` gives the default when missing. */
  cardKinds?: FeedbackKind[]
  /** Speaking mode; `everyone` when missing. */
  speakers?: SpeakerMode
}

export interface ProtocolTemplate {
  id: string
  name: string
  /** One or two sentences on when a team uses this protocol. */
  description?: string
  /** `vital` for the five-phase VITAL protocols, `public` for widely used published ones. */
  family?: 'vital' | 'public'
  phases: Phase[]
}

interface VitalPrompts {
  organize: string
  review: string
  discuss: string
  evaluate: string
  recap: string
}

/**
 * Builds a VITAL protocol: every one has the same five phases (organize, review, discuss,
 * evaluate, recap next steps). Their minutes are not published, so these are defaults that a
 * team edits in a copy.
 */
function vitalProtocol(
  id: string,
  name: string,
  description: string,
  prompts: VitalPrompts,
  minutes: [number, number, number, number, number] = [5, 15, 20, 10, 5],
): ProtocolTemplate {
  return {
    id,
    name,
    description,
    family: 'vital',
    phases: [
      {
        id: 'organize',
        title: 'Organize',
        minutes: minutes[0],
        prompt: prompts.organize,
        cardKinds: ['clarifying'],
        speakers: 'everyone',
      },
      {
        id: 'review',
        title: 'Review',
        minutes: minutes[1],
        prompt: prompts.review,
        cardKinds: ['clarifying', 'notice'],
        speakers: 'presenter',
      },
      {
        id: 'discuss',
        title: 'Discuss',
        minutes: minutes[2],
        prompt: prompts.discuss,
        cardKinds: ['warm', 'cool', 'probing', 'notice', 'wonder'],
        speakers: 'group',
      },
      {
        id: 'evaluate',
        title: 'Evaluate',
        minutes: minutes[3],
        prompt: prompts.evaluate,
        cardKinds: ['glow', 'grow'],
        speakers: 'everyone',
      },
      {
        id: 'recap',
        title: 'Recap next steps',
        minutes: minutes[4],
        prompt: prompts.recap,
        cardKinds: ['next-step'],
        speakers: 'everyone',
      },
    ],
  }
}

const vitalProtocols: ProtocolTemplate[] = [
  vitalProtocol(
    'vital-standards-analysis',
    'Standards analysis (VITAL)',
    'Week 1 of a cycle: unpack a high-priority standard and agree on what mastery looks like.',
    {
      organize: 'Name the roles and norms, and choose the standard the team will analyse.',
      review: 'Read the standard closely; mark its verbs, concepts and the skills it assumes.',
      discuss: 'Discuss what students must know and do, and where they usually struggle.',
      evaluate: 'Agree on the evidence of mastery and the success criteria for students.',
      recap: 'Choose who brings a lesson next week and its focus question.',
    },
  ),
  vitalProtocol(
    'vital-lesson-tuning',
    'Lesson tuning (VITAL)',
    'Week 2: one teacher brings a lesson with a focus question and the team tunes it.',
    {
      organize: 'Name the roles, the norms and the focus question the presenter brings.',
      review: 'The presenter walks through the lesson; everyone reads the plan and materials.',
      discuss: 'Give warm and cool feedback on the lesson against the focus question.',
      evaluate: 'The presenter reflects on the feedback and decides which changes to make.',
      recap: 'Agree on next steps, owners and dates, and what to bring to the next meeting.',
    },
  ),
  vitalProtocol(
    'vital-classroom-observation',
    'Classroom observation and debrief (VITAL)',
    'Week 3: the team observes the tuned lesson, then debriefs what students did.',
    {
      organize: 'Recall the focus question and agree on what each observer looked for.',
      review: 'Share observation notes: what students said and did, without judging yet.',
      discuss: 'Connect the evidence to the focus question; note what worked and what puzzled.',
      evaluate: 'The presenter names what to keep and what to change in the lesson.',
      recap: 'Agree on which student work the presenter brings next week.',
    },
    [5, 10, 20, 10, 5],
  ),
  vitalProtocol(
    'vital-student-work-analysis',
    'Student work analysis (VITAL)',
    'Week 4: the presenter brings student work from the tuned lesson and the team reads it.',
    {
      organize: 'Name the roles and norms; the presenter states the task and its goal.',
      review: 'Read the student work silently and note what you see, without judging.',
      discuss: 'Describe what students understood and where they struggled, with evidence.',
      evaluate: 'Judge progress against the student learning goal and the success criteria.',
      recap: 'Agree on next teaching moves, who tries them, and what to bring back.',
    },
    [5, 15, 20, 10, 10],
  ),
]

const publicProtocols: ProtocolTemplate[] = [
  {
    id: 'tuning-full',
    name: 'Tuning protocol (full)',
    description:
      'A presenter shares work and a focusing question and receives warm and cool feedback.',
    family: 'public',
    phases: [
      {
        id: 'introduction',
        title: 'Introduction',
        minutes: 10,
        prompt: 'The facilitator introduces the goals, norms and schedule of the protocol.',
        cardKinds: [],
        speakers: 'everyone',
      },
      {
        id: 'presentation',
        title: 'Presentation',
        minutes: 20,
        prompt: 'The presenter shares the work, its context and the focusing question.',
        cardKinds: ['notice'],
        speakers: 'presenter',
      },
      {
        id: 'clarifying',
        title: 'Clarifying questions',
        minutes: 5,
        prompt: 'Ask brief, factual questions with short answers.',
        cardKinds: ['clarifying'],
        speakers: 'everyone',
      },
      {
        id: 'reflect',
        title: 'Pause to reflect',
        minutes: 3,
        prompt: 'Write down warm and cool feedback silently before speaking.',
        cardKinds: ['warm', 'cool'],
        speakers: 'silent',
      },
      {
        id: 'feedback',
        title: 'Warm and cool feedback',
        minutes: 15,
        prompt: 'Give warm and cool feedback on the focusing question; the presenter listens.',
        cardKinds: ['warm', 'cool'],
        speakers: 'group',
      },
      {
        id: 'presenter-reflection',
        title: 'Presenter reflection',
        minutes: 15,
        prompt: 'The presenter responds to the feedback they choose; the group listens.',
        cardKinds: ['next-step'],
        speakers: 'presenter',
      },
      {
        id: 'debrief',
        title: 'Debrief',
        minutes: 10,
        prompt: 'Talk about how the protocol went and what to change next time.',
        cardKinds: ['glow', 'grow'],
        speakers: 'everyone',
      },
    ],
  },
  {
    id: 'tuning-40',
    name: 'Tuning protocol (40 minutes)',
    description: 'The tuning protocol fitted into a 40-minute meeting.',
    family: 'public',
    phases: [
      {
        id: 'presentation',
        title: 'Presentation',
        minutes: 10,
        prompt: 'The presenter shares the work, its context and the focusing question.',
        cardKinds: ['notice'],
        speakers: 'presenter',
      },
      {
        id: 'clarifying',
        title: 'Clarifying questions',
        minutes: 3,
        prompt: 'Ask brief, factual questions with short answers.',
        cardKinds: ['clarifying'],
        speakers: 'everyone',
      },
      {
        id: 'probing',
        title: 'Probing questions',
        minutes: 4,
        prompt: 'Ask open questions that help the presenter think more deeply.',
        cardKinds: ['probing'],
        speakers: 'everyone',
      },
      {
        id: 'reflect',
        title: 'Pause to reflect',
        minutes: 3,
        prompt: 'Write down warm and cool feedback silently before speaking.',
        cardKinds: ['warm', 'cool'],
        speakers: 'silent',
      },
      {
        id: 'feedback',
        title: 'Warm and cool feedback',
        minutes: 10,
        prompt: 'Give warm and cool feedback on the focusing question; the presenter listens.',
        cardKinds: ['warm', 'cool'],
        speakers: 'group',
      },
      {
        id: 'presenter-response',
        title: 'Presenter response',
        minutes: 5,
        prompt: 'The presenter responds to the feedback they choose; the group listens.',
        cardKinds: ['next-step'],
        speakers: 'presenter',
      },
      {
        id: 'debrief',
        title: 'Debrief',
        minutes: 5,
        prompt: 'Talk about how the protocol went.',
        cardKinds: ['glow', 'grow'],
        speakers: 'everyone',
      },
    ],
  },
  {
    id: 'consultancy',
    name: 'Consultancy',
    description: 'A presenter brings a dilemma and the group thinks it through while they listen.',
    family: 'public',
    phases: [
      {
        id: 'overview',
        title: 'Dilemma overview',
        minutes: 10,
        prompt: 'The presenter describes the dilemma and the question for the group.',
        cardKinds: ['notice'],
        speakers: 'presenter',
      },
      {
        id: 'clarifying',
        title: 'Clarifying questions',
        minutes: 5,
        prompt: 'Ask brief, factual questions with short answers.',
        cardKinds: ['clarifying'],
        speakers: 'everyone',
      },
      {
        id: 'probing',
        title: 'Probing questions',
        minutes: 10,
        prompt: 'Ask open questions that help the presenter see the dilemma anew.',
        cardKinds: ['probing'],
        speakers: 'everyone',
      },
      {
        id: 'discussion',
        title: 'Group discussion',
        minutes: 15,
        prompt: 'Discuss the dilemma among yourselves; the presenter listens and takes notes.',
        cardKinds: ['notice', 'wonder'],
        speakers: 'group',
      },
      {
        id: 'presenter-reflection',
        title: 'Presenter reflection',
        minutes: 5,
        prompt: 'The presenter shares what struck them and what they might do next.',
        cardKinds: ['next-step'],
        speakers: 'presenter',
      },
      {
        id: 'debrief',
        title: 'Debrief',
        minutes: 5,
        prompt: 'Talk about how the protocol went.',
        cardKinds: ['glow', 'grow'],
        speakers: 'everyone',
      },
    ],
  },
  {
    id: 'atlas-student-work',
    name: 'ATLAS: looking at student work',
    description: 'The group reads student work closely, from describing to implications.',
    family: 'public',
    phases: [
      {
        id: 'review',
        title: 'Independent review',
        minutes: 10,
        prompt: 'Read the student work silently and take notes.',
        cardKinds: ['notice'],
        speakers: 'silent',
      },
      {
        id: 'describe',
        title: 'Describe the work',
        minutes: 10,
        prompt: 'Say only what you see in the work, without interpreting or judging it.',
        cardKinds: ['notice'],
        speakers: 'group',
      },
      {
        id: 'interpret',
        title: 'Interpret the work',
        minutes: 15,
        prompt: 'What do the students seem to be thinking, and what do they understand?',
        cardKinds: ['wonder', 'probing'],
        speakers: 'group',
      },
      {
        id: 'implications',
        title: 'Implications for practice',
        minutes: 15,
        prompt: 'What could be done next in the classroom, and by whom?',
        cardKinds: ['next-step', 'grow'],
        speakers: 'everyone',
      },
      {
        id: 'share',
        title: 'Share and reflect',
        minutes: 15,
        prompt: 'The presenter shares reactions; everyone reflects on the protocol.',
        cardKinds: ['glow', 'grow', 'next-step'],
        speakers: 'everyone',
      },
    ],
  },
  {
    id: 'data-driven-dialogue',
    name: 'Data-driven dialogue',
    description:
      'The team explores a data set from predictions to questions. Its steps have no published' +
      ' minutes; these are defaults to edit.',
    family: 'public',
    phases: [
      {
        id: 'predict',
        title: 'Predict',
        minutes: 10,
        prompt: 'Before seeing the data, write what you expect it to show and why.',
        cardKinds: ['wonder'],
        speakers: 'everyone',
      },
      {
        id: 'go-visual',
        title: 'Go visual',
        minutes: 10,
        prompt: 'Draw the data as charts or displays large enough for everyone to read.',
        cardKinds: [],
        speakers: 'everyone',
      },
      {
        id: 'observe',
        title: 'Observe',
        minutes: 15,
        prompt: 'State only facts you see in the data, without explaining them.',
        cardKinds: ['notice'],
        speakers: 'everyone',
      },
      {
        id: 'infer',
        title: 'Infer and question',
        minutes: 15,
        prompt: 'Offer explanations, name what else you need to know, and plan next steps.',
        cardKinds: ['wonder', 'probing', 'next-step'],
        speakers: 'everyone',
      },
    ],
  },
]

/** Built-in protocol templates, served by `GET /api/protocols`. */
export const protocolTemplates: ProtocolTemplate[] = [...vitalProtocols, ...publicProtocols]

/** Finds a built-in template by id. */
export function findProtocolTemplate(id: string): ProtocolTemplate | undefined {
  return protocolTemplates.find((template) => template.id === id)
}

/** Name of the Yjs XmlFragment that holds one phase's notes. */
export function notesFragmentName(phaseId: string): string {
  return `notes:${phaseId}`
}

/** Returns the feedback kinds a phase invites. A phase stored without a list invites every kind. */
export function phaseCardKinds(phase: Phase): readonly FeedbackKind[] {
  return phase.cardKinds ?? feedbackKinds
}

/** Sum of a protocol's planned minutes. */
export function totalMinutes(phases: readonly Phase[]): number {
  return phases.reduce((sum, phase) => sum + phase.minutes, 0)
}

/** Planned length of each phase in milliseconds. */
export function phaseDurationsMs(phases: readonly Phase[]): number[] {
  return phases.map((phase) => Math.round(phase.minutes * 60_000))
}

/**
 * Makes a phase id from a title: lower case words joined by hyphens, unique among `taken`.
 * Ids name the notes fragments, so an existing phase keeps its id when renamed.
 */
export function phaseIdFromTitle(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'phase'
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}
