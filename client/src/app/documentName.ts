/**
 * A source document named as people cite it: its title and its publication date ("Aftale om strategi
 * for life science, 21. november 2024"), never its file name. The date is as precise as the document
 * gives it: a day ("2024-11-21") or only a month ("2024-11").
 */
import type { Locale } from "../i18n/messages.ts";

const tags: Record<Locale, string> = { da: "da-DK", en: "en-GB" };

export function documentDate(published: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(published);
  if (!match) return published;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
  const options: Intl.DateTimeFormatOptions = day ? { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" } : { month: "long", year: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(tags[locale], options).format(date);
}

export function documentName(document: { title: string; published: string }, locale: Locale): string {
  return `${document.title}, ${documentDate(document.published, locale)}`;
}
