/**
 * One spelling per site path, so "/old" and "/old/" are recognised as the same address: a path whose last
 * segment has a file extension is a file, anything else a folder with a trailing slash.
 */
export function normaliseSitePath(path: string): string {
  const lastSegment = path.slice(path.lastIndexOf("/") + 1);
  return path.endsWith("/") || /\.[a-z0-9]+$/i.test(lastSegment) ? path : `${path}/`;
}
