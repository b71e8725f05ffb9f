export interface LoadingProps {
  label?: string
}

/** Shows a polite loading message for a part of a page that is still fetching. */
export function Loading(props: LoadingProps) {
  return (
    <p class="loading" role="status">
      {props.label ?? 'Loading…'}
    </p>
  )
}
