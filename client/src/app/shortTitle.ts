/** An initiative's title short enough for a one-line announcement, cut at a word. */
export function shortTitle(title: string, max = 48): string {
  if (title.length <= max) return title;
  const head = title.slice(0, max + 1);
  const atWord = head.replace(/\s+\S*$/, "");
  return `${atWord.length > 0 && atWord.length < head.length ? atWord : title.slice(0, max)}…`;
}
