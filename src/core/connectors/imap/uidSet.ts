/** A UID set (RFC 3501 §9 sequence-set) with duplicates dropped and runs collapsed: `3:7,9,12:13`. */
export function uidSet(uids: Iterable<number>): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(i === j ? String(sorted[i]) : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return out.join(',');
}

/**
 * The UIDs of a set as uidSet writes it (ascending, disjoint runs), or undefined when it is
 * malformed or holds more than `limit` UIDs: stored state is input too, and a corrupted entry must
 * not expand into billions of numbers.
 */
export function parseUidSet(text: string, limit: number): number[] | undefined {
  if (text === '') return [];
  const out: number[] = [];
  for (const item of text.split(',')) {
    const m = /^([0-9]{1,10})(?::([0-9]{1,10}))?$/.exec(item);
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (!isUid(from) || !isUid(to) || to < from || out.length + (to - from + 1) > limit) return undefined;
    if (out.length && from <= out[out.length - 1]!) return undefined;
    for (let uid = from; uid <= to; uid++) out.push(uid);
  }
  return out;
}

/** A UID is a non-zero unsigned 32-bit integer (RFC 3501 §2.3.1.1). */
export function isUid(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 0xffff_ffff;
}
