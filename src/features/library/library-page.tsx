// Placeholder while this page is being built (session 2); replaced by the feature's real component.
export function LibraryPage({ setId }: { setId: string | null }) {
  return <p>LibraryPage — under construction</p>;
}
