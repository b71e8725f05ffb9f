import * as decoding from 'lib0/decoding'

/** A message that cannot be decoded, or that a client must not send. */
export class MalformedMessageError extends Error {}

/** Runs a decoding step, turning any failure into a MalformedMessageError. */
export function readOrFail<T>(read: () => T): T {
  try {
    return read()
  } catch (error) {
    throw new MalformedMessageError(error instanceof Error ? error.message : String(error))
  }
}

/** Fails when the decoder has bytes left after the message. */
export function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) {
    throw new MalformedMessageError('unexpected bytes after the end of the message')
  }
}
