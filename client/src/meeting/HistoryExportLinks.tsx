import { exportUrl } from './history-api'

export interface HistoryExportLinksProps {
  meetingId: string
  /** Exports this snapshot instead of the live meeting. */
  snapshotId?: string
}

/** Links that download the meeting record as Markdown or open it as a printable page. */
export function HistoryExportLinks(props: HistoryExportLinksProps) {
  return (
    <div class="history-export">
      <a class="button" href={exportUrl(props.meetingId, 'md', props.snapshotId)} download="">
        Download Markdown
      </a>
      <a
        class="button"
        href={exportUrl(props.meetingId, 'html', props.snapshotId)}
        target="_blank"
        rel="noopener"
      >
        Printable record
      </a>
    </div>
  )
}
