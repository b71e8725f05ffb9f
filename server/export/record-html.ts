import { formatCalendarDate, formatDate, formatDateTime, formatMinutes } from './format'
import { escapeHtml as h } from './html-escape'
import { notesToHtml } from './notes-html'
import { isEmptyNotes } from './notes-tree'
import type { MeetingRecordData, RecordPhase } from './record'

// Notes headings sit under the record's phase headings (level 3), so level 1 becomes 4.
const notesHeadingOffset = 3

const styles = `
  :root { color-scheme: light; }
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d232b;
    margin: 0; background: #f4f5f7; }
  main { max-width: 46rem; margin: 0 auto; padding: 2rem 2.5rem 3rem; background: #fff; }
  .toolbar { display: flex; justify-content: flex-end; max-width: 46rem; margin: 1rem auto 0; }
  .toolbar button { font: inherit; padding: 0.45rem 1rem; border: 1px solid #2457a6;
    border-radius: 6px; background: #2457a6; color: #fff; cursor: pointer; }
  .toolbar button:focus-visible { outline: 3px solid #f2b705; outline-offset: 2px; }
  h1 { font-size: 1.8rem; margin: 0 0 1rem; }
  h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid #d5d9e0; }
  h3 { font-size: 1.1rem; margin: 1.5rem 0 0.25rem; }
  h4, h5, h6 { font-size: 1rem; margin: 1rem 0 0.25rem; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
  dl.facts dt { font-weight: 600; }
  dl.facts dd { margin: 0; }
  .timing, .empty, .meta { color: #59616d; }
  .timing { margin: 0 0 0.5rem; font-size: 0.9rem; }
  blockquote { margin: 0.5rem 0; padding-left: 1rem; border-left: 3px solid #d5d9e0; }
  pre { background: #f4f5f7; padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; }
  code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: 0.9em; }
  ul.tasks { list-style: none; padding-left: 1.2rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #d5d9e0; }
  @media print {
    body { background: #fff; font-size: 11pt; }
    main { max-width: none; padding: 0; }
    .toolbar { display: none; }
    a { color: inherit; }
    h2, h3, h4 { break-after: avoid; }
    li, tr, pre, blockquote { break-inside: avoid; }
    @page { margin: 18mm 16mm; }
  }
`

/** Renders a meeting record as a self-contained, print-ready HTML page. */
export function recordToHtml(record: MeetingRecordData): string {
  const { timeZone } = record
  const facts: Array<[string, string]> = [
    ['Team', h(record.teamName)],
    ['Date', formatDate(record.date, timeZone)],
    ['Protocol', h(record.protocolName)],
    ['Status', record.state],
  ]
  if (record.source.kind === 'snapshot') {
    const { label, author, createdAt } = record.source
    facts.push(['Snapshot', `${h(label)} (${h(author)}, ${formatDateTime(createdAt, timeZone)})`])
  }
  facts.push(['Time zone', h(timeZone)])

  const body = [
    `<h1>${h(record.title)}</h1>`,
    `<dl class="facts">\n${facts.map(renderFact).join('\n')}\n</dl>`,
    section('Attendance', renderAttendance(record)),
    section('Phases', record.phases.map(renderPhase).join('\n')),
    section('Feedback cards', renderCards(record)),
    section('Next steps', renderNextSteps(record)),
  ]

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(record.title)}: meeting record</title>
<style>${styles}</style>
</head>
<body>
<div class="toolbar"><button type="button" onclick="window.print()">Print or save as PDF</button></div>
<main>
${body.join('\n')}
</main>
</body>
</html>
`
}

function renderFact([term, value]: [string, string]): string {
  return `<dt>${term}</dt><dd>${value}</dd>`
}

function section(title: string, content: string): string {
  return `<section>\n<h2>${title}</h2>\n${content}\n</section>`
}

function renderAttendance(record: MeetingRecordData): string {
  if (record.attendees.length === 0) return '<p class="empty">No one joined the meeting room.</p>'
  const items = record.attendees.map((person) => `<li>${h(person.name)} (${person.role})</li>`)
  return `<ul>\n${items.join('\n')}\n</ul>`
}

function renderPhase(phase: RecordPhase, index: number): string {
  const actual = phase.actualMs === null ? 'not timed' : `actual ${formatMinutes(phase.actualMs)}`
  const notes = isEmptyNotes(phase.notes)
    ? '<p class="empty">No notes.</p>'
    : notesToHtml(phase.notes, notesHeadingOffset)
  return [
    `<section class="phase">`,
    `<h3>${index + 1}. ${h(phase.title)}</h3>`,
    `<p class="timing">Planned ${phase.plannedMinutes} min · ${actual}</p>`,
    notes,
    `</section>`,
  ].join('\n')
}

function renderCards(record: MeetingRecordData): string {
  if (record.cardGroups.length === 0) return '<p class="empty">No cards.</p>'
  return record.cardGroups
    .map((group) => {
      const items = group.cards.map((card) => {
        const details = [
          card.anonymous || !card.authorName ? 'anonymous' : h(card.authorName),
          card.voteCount === 1 ? '1 vote' : `${card.voteCount} votes`,
        ]
        if (card.phaseTitle) details.push(h(card.phaseTitle))
        if (card.addressed) details.push('addressed')
        if (card.group) details.push(`group: ${h(card.group)}`)
        return `<li>${h(card.text)} <span class="meta">(${details.join(' · ')})</span></li>`
      })
      return `<h3>${h(group.label)} (${group.cards.length})</h3>\n<ul>\n${items.join('\n')}\n</ul>`
    })
    .join('\n')
}

function renderNextSteps(record: MeetingRecordData): string {
  if (record.nextSteps.length === 0) return '<p class="empty">No next steps.</p>'

  const rows = record.nextSteps.map((step) => {
    const cells = [
      step.done ? 'Done' : 'Open',
      h(step.text),
      step.ownerName ? h(step.ownerName) : 'unassigned',
      formatCalendarDate(step.dueDate),
    ]
    return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`
  })
  const head = '<tr><th>Status</th><th>Next step</th><th>Owner</th><th>Due</th></tr>'
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`
}
