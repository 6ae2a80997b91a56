/**
 * File names for downloads: a plain ASCII slug, so the name survives every browser, mail client
 * and file system without Content-Disposition encoding tricks.
 */
const DANISH_LETTERS: Record<string, string> = { æ: "ae", ø: "oe", å: "aa" };

/** "Aftale 2024" → "aftale-2024", "Grøn Ø" → "groen-oe"; other accents are dropped ("é" → "e"). */
export function fileSlug(text: string, fallback: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[æøå]/g, (letter) => DANISH_LETTERS[letter] ?? letter)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug === "" ? fallback : slug;
}

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "<slug>.<extension>", e.g. buildFileName("Aftale 2024", "scenarie", "csv") → "aftale-2024.csv". */
export function buildFileName(name: string, fallback: string, extension: "csv" | "xlsx"): string {
  return `${fileSlug(name, fallback)}.${extension}`;
}
