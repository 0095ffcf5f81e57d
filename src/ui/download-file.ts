/** Saves text as a file through the browser's download: a temporary object URL on a clicked link. */
export function downloadFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked only after the click has been handled, so the download still has its data.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
