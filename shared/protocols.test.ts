import { describe, expect, it } from 'vitest'

import {
  feedbackKinds,
  findProtocolTemplate,
  phaseIdFromTitle,
  protocolTemplates,
  speakerModes,
  totalMinutes,
} from './protocols'

function minutesOf(id: string): number[] {
  return findProtocolTemplate(id)!.phases.map((phase) => phase.minutes)
}

describe('protocol library', () => {
  it('gives every phase minutes, a prompt, card kinds and speakers', () => {
    for (const template of protocolTemplates) {
      const ids = template.phases.map((phase) => phase.id)
      expect(new Set(ids).size, template.id).toBe(ids.length)
      for (const phase of template.phases) {
        const where = `${template.id}/${phase.id}`
        expect(phase.minutes, where).toBeGreaterThan(0)
        expect(phase.prompt, where).toBeTruthy()
        expect(phase.cardKinds, where).toBeDefined()
        for (const kind of phase.cardKinds!) expect(feedbackKinds, where).toContain(kind)
        expect(speakerModes, where).toContain(phase.speakers)
        expect(phase.id, where).toMatch(/^[a-z0-9][a-z0-9-]{0,39}$/)
      }
    }
  })

  it('has template ids that are unique', () => {
    const ids = protocolTemplates.map((template) => template.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('gives the four VITAL protocols the five phases', () => {
    const vital = protocolTemplates.filter((template) => template.family === 'vital')
    expect(vital.map((template) => template.id).sort()).toEqual([
      'vital-classroom-observation',
      'vital-lesson-tuning',
      'vital-standards-analysis',
      'vital-student-work-analysis',
    ])
    for (const template of vital) {
      expect(template.phases.map((phase) => phase.id)).toEqual([
        'organize',
        'review',
        'discuss',
        'evaluate',
        'recap',
      ])
    }
  })

  it('keeps the published minutes of the public protocols', () => {
    expect(minutesOf('tuning-full')).toEqual([10, 20, 5, 3, 15, 15, 10])
    expect(minutesOf('tuning-40')).toEqual([10, 3, 4, 3, 10, 5, 5])
    expect(totalMinutes(findProtocolTemplate('tuning-40')!.phases)).toBe(40)
    expect(minutesOf('consultancy')).toEqual([10, 5, 10, 15, 5, 5])
    expect(minutesOf('atlas-student-work')).toEqual([10, 10, 15, 15, 15])
    expect(findProtocolTemplate('data-driven-dialogue')!.phases.map((p) => p.title)).toEqual([
      'Predict',
      'Go visual',
      'Observe',
      'Infer and question',
    ])
  })

  it('keeps the presenter silent during warm and cool feedback', () => {
    for (const id of ['tuning-full', 'tuning-40']) {
      const feedback = findProtocolTemplate(id)!.phases.find((phase) => phase.id === 'feedback')!
      expect(feedback.speakers).toBe('group')
      expect(feedback.cardKinds).toEqual(['warm', 'cool'])
    }
    const discussion = findProtocolTemplate('consultancy')!.phases[3]
    expect(discussion.speakers).toBe('group')
  })

  it('makes unique phase ids from titles', () => {
    const taken = new Set(['discuss'])
    expect(phaseIdFromTitle('Discuss', taken)).toBe('discuss-2')
    expect(phaseIdFromTitle('  Warm & cool feedback! ', taken)).toBe('warm-cool-feedback')
    expect(phaseIdFromTitle('???', taken)).toBe('phase')
  })
})
