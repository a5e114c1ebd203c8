/** Escapes LIKE's wildcards so a search term matches itself: "50%_off" finds "50%_off" only. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
