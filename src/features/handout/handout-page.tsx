// Placeholder while this page is being built (session 2); replaced by the feature's real component.
export function HandoutPage({ setId }: { setId: string }) {
  return <p>HandoutPage — under construction</p>;
}
