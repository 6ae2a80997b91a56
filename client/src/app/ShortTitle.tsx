/** An initiative (or scenario) named by its title, shortened at a word where space is short, the full title on hover. */
import { shortTitle } from "./shortTitle.ts";

export function ShortTitle({ title, max }: { title: string; max?: number }) {
  const short = shortTitle(title, max);
  return <span className="short-title" title={short === title ? undefined : title}>{short}</span>;
}
