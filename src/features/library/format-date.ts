/** A set's date as people read it: "24 Nov 2026". */
export function formatDate(time: number): string {
  return new Date(time).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

export const isoDate = (time: number): string => new Date(time).toISOString();
