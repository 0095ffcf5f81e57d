/**
 * Runs `save` when the page is hidden or left (tab switched, closed, reloaded, phone locked): the last moment
 * to write what is waiting. Returns the unsubscribe.
 */
export function onPageHide(save: () => void): () => void {
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') save();
  };
  window.addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('pagehide', save);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
