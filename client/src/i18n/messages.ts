/**
 * The one message catalogue: every text the UI shows, Danish first, English beside it. Features keep
 * their section next to their code (features/<feature>/messages.ts) and it is merged here, so `t()`
 * knows every key and a key missing in one language fails the type check.
 * Placeholders are written {name} and filled by t(key, { name }).
 */
import { accountMessages } from "../features/account/messages.ts";
import { apiTokenMessages } from "../features/apiTokens/messages.ts";
import { briefMessages } from "../features/brief/messages.ts";
import { compareMessages } from "../features/compare/messages.ts";
import { coverageMessages } from "../features/recommendations/messages.ts";
import { consistencyMessages } from "../features/consistency/messages.ts";
import { gridMessages } from "../features/grid/messages.ts";
import { gridDiffMessages } from "../features/grid/gridDiffMessages.ts";
import { historyMessages } from "../features/history/messages.ts";
import { importMessages } from "../features/import/messages.ts";
import { liveMessages } from "../features/live/messages.ts";
import { lineageMessages } from "../features/lineage/messages.ts";
import { priceLevelMessages } from "../features/priceLevels/messages.ts";
import { scenarioMessages } from "../features/scenarios/messages.ts";
import { sharingMessages } from "../features/sharing/messages.ts";
import { userMessages } from "../features/users/messages.ts";

const common = {
  da: {
    appTitle: "Ramme",
    tagline: "Fordeling af life science-strategiens ramme: 100 mio. kr. årligt 2024-2027",
    loading: "Henter …",
    loadError: "Kunne ikke hente data fra serveren: {message}",
    databaseUnavailable: "Databasen svarer ikke lige nu. Intet er gemt; prøv igen om lidt.",
    serverUnreachable: "Serveren kan ikke nås. Tjek forbindelsen og prøv igen.",
    language: "English",
    languageLabel: "Skift sprog til engelsk",
    userLabel: "Dit navn (vises i historikken)",
    userPlaceholder: "Lokal bruger",
    navScenarios: "Scenarier",
    navCompare: "Sammenlign",
    mainNavigation: "Hovedmenu",
    close: "Luk",
    cancel: "Annullér",
    save: "Gem",
    mio: "mio. kr.",
    year: "År",
    total: "I alt",
    frame: "Ramme",
    allocated: "Fordelt",
    headroom: "Råderum",
    overBy: "{amount} over rammen",
    fits: "Holder rammen",
    breaks: "Over rammen i {years}",
    baseline: "Grundlag",
    whatIf: "Alternativ",
    locked: "Låst",
    archived: "Arkiveret",
    exportCsv: "Eksportér CSV",
    exportXlsx: "Eksportér Excel",
    exportFailed: "Eksporten mislykkedes: {message}",
  },
  en: {
    appTitle: "Ramme",
    tagline: "Dividing the life science strategy's frame: DKK 100 million a year 2024-2027",
    loading: "Loading …",
    loadError: "Could not load data from the server: {message}",
    databaseUnavailable: "The database is not answering right now. Nothing was saved; try again shortly.",
    serverUnreachable: "The server cannot be reached. Check the connection and try again.",
    language: "Dansk",
    languageLabel: "Switch language to Danish",
    userLabel: "Your name (shown in the history)",
    userPlaceholder: "Local user",
    navScenarios: "Scenarios",
    navCompare: "Compare",
    mainNavigation: "Main menu",
    close: "Close",
    cancel: "Cancel",
    save: "Save",
    mio: "DKK million",
    year: "Year",
    total: "Total",
    frame: "Frame",
    allocated: "Allocated",
    headroom: "Headroom",
    overBy: "{amount} over the frame",
    fits: "Fits the frame",
    breaks: "Over the frame in {years}",
    baseline: "Baseline",
    whatIf: "What-if",
    locked: "Locked",
    archived: "Archived",
    exportCsv: "Export CSV",
    exportXlsx: "Export Excel",
    exportFailed: "The export failed: {message}",
  },
} as const;

const sections = [common, scenarioMessages, gridMessages, compareMessages, historyMessages, liveMessages, coverageMessages, briefMessages, consistencyMessages, lineageMessages, priceLevelMessages, accountMessages, userMessages, sharingMessages, apiTokenMessages, importMessages, gridDiffMessages] as const;

type Merge<T extends readonly { da: object }[]> = T extends readonly [infer Head extends { da: object }, ...infer Rest extends readonly { da: object }[]]
  ? Head["da"] & Merge<Rest>
  : unknown;

export type MessageKey = Extract<keyof Merge<typeof sections>, string>;
export type Locale = "da" | "en";

export const messages: Record<Locale, Record<MessageKey, string>> = {
  da: Object.assign({}, ...sections.map((section) => section.da)),
  en: Object.assign({}, ...sections.map((section) => section.en)),
};

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text: string = messages[locale][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_match, name: string) => String(params[name] ?? `{${name}}`));
}
