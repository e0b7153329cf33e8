/** Seconds left at the rate so far, or null while there is no total or too little to go on. */
export function etaSeconds(elapsedMs: number, scanned: number, total: number | undefined): number | null {
  if (!total || scanned <= 0 || elapsedMs < 500) return null;
  const left = Math.max(0, total - scanned);
  return Math.round(((elapsedMs / scanned) * left) / 1000);
}
