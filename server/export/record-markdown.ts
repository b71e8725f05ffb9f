import { formatCalendarDate, formatDate, formatDateTime, formatMinutes } from './format'
import { escapeMarkdown as md, notesToMarkdown } from './notes-markdown'
import { isEmptyNotes } from './notes-tree'
import type { MeetingRecordData, RecordPhase } from './record'

// Notes headings sit under the record's phase headings (level 3), so level 1 becomes 4.
const notesHeadingOffset = 3

/** Renders a meeting record as a Markdown document. */
export function recordToMarkdown(record: MeetingRecordData): string {
  const { timeZone } = record
  const sections: string[] = [`# ${md(record.title)}`]

  const facts = [
    `- **Team:** ${md(record.teamName)}`,
    `- **Date:** ${formatDate(record.date, timeZone)}`,
    `- **Protocol:** ${md(record.protocolName)}`,
    `- **Status:** ${record.state}`,
  ]
  if (record.source.kind === 'snapshot') {
    const { label, author, createdAt } = record.source
    facts.push(
      `- **Snapshot:** ${md(label)} (${md(author)}, ${formatDateTime(createdAt, timeZone)})`,
    )
  }
  facts.push(`- **Time zone:** ${timeZone}`)
  sections.push(facts.join('\n'))

  sections.push('## Attendance')
  sections.push(
    record.attendees.length === 0
      ? '*No one joined the meeting room.*'
      : record.attendees.map((person) => `- ${md(person.name)} (${person.role})`).join('\n'),
  )

  sections.push('## Phases')
  record.phases.forEach((phase, index) => sections.push(...renderPhase(phase, index)))

  sections.push('## Feedback cards')
  if (record.cardGroups.length === 0) sections.push('*No cards.*')
  for (const group of record.cardGroups) {
    sections.push(`### ${md(group.label)} (${group.cards.length})`)
    const lines = group.cards.map((card) => {
      const details = [
        card.anonymous || !card.authorName ? 'anonymous' : md(card.authorName),
        card.voteCount === 1 ? '1 vote' : `${card.voteCount} votes`,
      ]
      if (card.phaseTitle) details.push(md(card.phaseTitle))
      if (card.addressed) details.push('addressed')
      if (card.group) details.push(`group: ${md(card.group)}`)
      return `- ${md(card.text)} (${details.join(' · ')})`
    })
    sections.push(lines.join('\n'))
  }

  sections.push('## Next steps')
  if (record.nextSteps.length === 0) {
    sections.push('*No next steps.*')
  } else {
    const lines = record.nextSteps.map((step) => {
      const details = [`owner: ${step.ownerName ? md(step.ownerName) : 'unassigned'}`]
      details.push(`due ${formatCalendarDate(step.dueDate)}`)
      return `- [${step.done ? 'x' : ' '}] ${md(step.text)} (${details.join(', ')})`
    })
    sections.push(lines.join('\n'))
  }

  return sections.join('\n\n') + '\n'
}

function renderPhase(phase: RecordPhase, index: number): string[] {
  const timing = [`Planned ${phase.plannedMinutes} min`]
  timing.push(phase.actualMs === null ? 'not timed' : `actual ${formatMinutes(phase.actualMs)}`)

  const notes = isEmptyNotes(phase.notes)
    ? '*No notes.*'
    : notesToMarkdown(phase.notes, notesHeadingOffset)
  return [`### ${index + 1}. ${md(phase.title)}`, `*${timing.join(' · ')}*`, notes]
}
