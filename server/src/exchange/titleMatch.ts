/**
 * Matching a row's title to an initiative's: exactly (ignoring case, accents' composition and runs
 * of spaces), or else the closest title within a small edit distance, offered, never applied.
 */

/** The title as compared: NFC, lower case, single spaces, trimmed. */
export function normalTitle(title: string): string {
  return title.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Letters and digits only, for the close match ("Forskning, data" ~ "forskning og data"). */
const bare = (title: string) => normalTitle(title).replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * The candidate whose title is closest to `title`, if within an edit distance of a fifth of the
 * title's length (at least 1, at most 8); null when none is that close.
 */
export function closestTitle<T extends { title: string }>(title: string, candidates: readonly T[]): T | null {
  const wanted = bare(title);
  const limit = Math.min(8, Math.max(1, Math.floor(wanted.length / 5)));
  let best: T | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const other = bare(candidate.title);
    if (Math.abs(other.length - wanted.length) >= bestDistance) continue;
    const distance = editDistance(wanted, other, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `cap`) once every path costs at least `cap`. */
function editDistance(left: string, right: string, cap: number): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum >= cap) return cap;
    previous = current;
  }
  return previous[right.length]!;
}
