// Placeholder while this page is being built (session 2); replaced by the feature's real component.
export function SharedSolution({ payload }: { payload: string }) {
  return <p>SharedSolution — under construction</p>;
}
