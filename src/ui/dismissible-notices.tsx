/** Warnings the user can read and dismiss one by one (stored data that could not be read, a refused save). */
export function DismissibleNotices({
  notices,
  onDismiss,
  role = 'status',
}: {
  notices: readonly string[];
  onDismiss: (text: string) => void;
  /** `alert` where the warning concerns what the user is doing right now. */
  role?: 'status' | 'alert';
}) {
  return (
    <>
      {notices.map((n) => (
        <div key={n} className="notice notice--warning notice--compact" role={role}>
          <p className="notice__message">{n}</p>
          <button type="button" className="link-button" onClick={() => onDismiss(n)}>
            Dismiss
          </button>
        </div>
      ))}
    </>
  );
}
