// Placeholder while this page is being built (session 2); replaced by the feature's real component.
export function PrintPage() {
  return <p>PrintPage — under construction</p>;
}
