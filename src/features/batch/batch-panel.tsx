// Placeholder while this page is being built (session 2); replaced by the feature's real component.
export function BatchPanel({ setId }: { setId: string }) {
  return <p>BatchPanel — under construction</p>;
}
