// Placeholder while this page is being built (session 2); replaced by the feature's real component.
export function SolutionEditor({ setId, itemId }: { setId: string; itemId: string }) {
  return <p>SolutionEditor — under construction</p>;
}
