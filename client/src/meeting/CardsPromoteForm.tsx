import type { Card } from '../../../shared/cards'
import { useMeeting } from './meeting-context'
import { promoteCard } from './next-steps-api'
import { NextStepsForm } from './NextStepsForm'

export interface CardsPromoteFormProps {
  card: Card
  onPromoted: () => void
  onCancel: () => void
}

/** Turns a card into a next step with an owner and a due date; the card's text is the default. */
export function CardsPromoteForm(props: CardsPromoteFormProps) {
  const { meeting } = useMeeting()
  return (
    <NextStepsForm
      teamId={meeting.teamId}
      initialText={props.card.text.slice(0, 500)}
      submitLabel="Create next step"
      onSubmit={(input) => promoteCard(meeting.id, props.card.id, input)}
      onDone={() => props.onPromoted()}
      onCancel={() => props.onCancel()}
    />
  )
}
