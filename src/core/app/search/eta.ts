/**
 * Seconds left at the rate so far: by records when their total is known, else by the share of the
 * source read (an mbox's bytes); null while there is neither or too little to go on.
 */
export function etaSeconds(elapsedMs: number, scanned: number, total: number | undefined, share?: number): number | null {
  if (elapsedMs < 500) return null;
  if (total && scanned > 0) return Math.round(((elapsedMs / scanned) * Math.max(0, total - scanned)) / 1000);
  if (share !== undefined && share > 0) return Math.round((elapsedMs * (1 - Math.min(1, share))) / share / 1000);
  return null;
}
