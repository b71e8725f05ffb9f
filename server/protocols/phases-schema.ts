import { z } from 'zod'

import { feedbackKinds, phaseIdFromTitle, speakerModes, type Phase } from '../../shared/protocols'

/** Maximum number of phases in one template. */
export const maxPhases = 30
/** Maximum length of one phase, in minutes. */
export const maxPhaseMinutes = 240

const phaseSchema = z.object({
  id: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,39}$/,
      'must be 1 to 40 lower-case letters, digits or hyphens, starting with a letter or digit',
    )
    .optional(),
  title: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  minutes: z
    .number({ error: 'must be a number' })
    .int('must be a whole number of minutes')
    .min(1, 'must be at least 1')
    .max(maxPhaseMinutes, `must be at most ${maxPhaseMinutes}`),
  prompt: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
  cardKinds: z
    .array(z.enum(feedbackKinds, { error: `must be one of ${feedbackKinds.join(', ')}` }))
    .optional(),
  speakers: z.enum(speakerModes, { error: `must be one of ${speakerModes.join(', ')}` }).optional(),
})

export const phasesSchema = z
  .array(phaseSchema)
  .min(1, 'must have at least one phase')
  .max(maxPhases, `must have at most ${maxPhases} phases`)

export type PhaseInput = z.infer<typeof phaseSchema>

/**
 * Turns validated phase input into phases: a phase without an id gets one made from its title.
 * Returns an error message when two phases share an id, because each id names a notes fragment.
 */
export function buildPhases(input: PhaseInput[]): Phase[] | string {
  const given = input.map((phase) => phase.id).filter((id): id is string => id !== undefined)
  const taken = new Set<string>()
  for (const id of given) {
    if (taken.has(id)) return `invalid phases: the id "${id}" is used by two phases`
    taken.add(id)
  }

  return input.map((phase) => {
    const id = phase.id ?? phaseIdFromTitle(phase.title, taken)
    taken.add(id)

    const built: Phase = { id, title: phase.title, minutes: phase.minutes }
    if (phase.prompt) built.prompt = phase.prompt
    if (phase.cardKinds) built.cardKinds = [...new Set(phase.cardKinds)]
    if (phase.speakers) built.speakers = phase.speakers
    return built
  })
}
