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
import { frameMessages } from "../features/frames/messages.ts";
import { gridMessages } from "../features/grid/messages.ts";
import { gridKeyMessages } from "../features/grid/gridKeyMessages.ts";
import { gridDiffMessages } from "../features/grid/gridDiffMessages.ts";
import { historyMessages } from "../features/history/messages.ts";
import { importMessages } from "../features/import/messages.ts";
import { liveMessages } from "../features/live/messages.ts";
import { mergeMessages } from "../features/merge/messages.ts";
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

const sections = [common, scenarioMessages, gridMessages, gridKeyMessages, compareMessages, historyMessages, liveMessages, coverageMessages, briefMessages, consistencyMessages, lineageMessages, priceLevelMessages, accountMessages, userMessages, sharingMessages, apiTokenMessages, importMessages, gridDiffMessages, frameMessages, mergeMessages] as const;

type Merge<T extends readonly { da: object }[]> = T extends readonly [infer Head extends { da: object }, ...infer Rest extends readonly { da: object }[]]
  ? Head["da"] & Merge<Rest>
  : unknown;

export type MessageKey = Extract<keyof Merge<typeof sections>, string>;
export type Locale = "da" | "en";

export const messages: Record<Locale, Record<MessageKey, string>> = {
  da: Object.assign({}, ...sections.map((section) => section.da)),
  en: Object.assign({}, ...sections.map((section) => section.en)),
};

/** A value put into a message: text, a number (a count chooses the plural form), another message, or text that depends on the language (an amount). */
export type MessageParam = string | number | Message | ((locale: Locale) => string);
export type MessageParams = Record<string, MessageParam>;

/**
 * A message not yet put into words: a key and its values. Status lines keep this, not the text, so
 * they follow a switch of language (the text is made when it is shown).
 */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export function message(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

/** The message in words, in the language asked. */
export function render(locale: Locale, { key, params }: Message): string {
  return translate(locale, key, params);
}

/**
 * The text of a key with its placeholders filled. `{name}` takes a value; `{count, plural, one {# celle}
 * other {# celler}}` picks the form Intl.PluralRules gives for the count in the language (`=0 {…}` for
 * an exact number), `#` standing for the number.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return format(locale, messages[locale][key] ?? key, params);
}

const pluralRules: Record<Locale, Intl.PluralRules> = { da: new Intl.PluralRules("da-DK"), en: new Intl.PluralRules("en-GB") };

function paramText(locale: Locale, value: MessageParam): string {
  if (typeof value === "function") return value(locale);
  if (typeof value === "object") return render(locale, value);
  return String(value);
}

/** The index just past the `}` that closes the `{` at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === "{") depth += 1;
    else if (text[index] === "}" && (depth -= 1) === 0) return index + 1;
  }
  return text.length;
}

export function format(locale: Locale, text: string, params: MessageParams, hash?: string): string {
  let out = "";
  let index = 0;
  while (index < text.length) {
    const character = text[index]!;
    if (character === "#" && hash !== undefined) {
      out += hash;
      index += 1;
    } else if (character === "{") {
      const end = closing(text, index);
      out += placeholder(locale, text.slice(index + 1, end - 1), params);
      index = end;
    } else {
      out += character;
      index += 1;
    }
  }
  return out;
}

function placeholder(locale: Locale, inner: string, params: MessageParams): string {
  const plural = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
  if (!plural) {
    const name = inner.trim();
    return name in params ? paramText(locale, params[name]!) : `{${name}}`;
  }
  const name = plural[1]!;
  const value = params[name];
  const count = typeof value === "number" ? value : Number(value);
  const forms = new Map<string, string>();
  let rest = inner.slice(plural[0].length);
  for (;;) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(rest);
    if (!selector) break;
    const open = selector[0].length - 1;
    const end = closing(rest, open);
    forms.set(selector[1]!, rest.slice(open + 1, end - 1));
    rest = rest.slice(end);
  }
  const chosen = forms.get(`=${count}`) ?? forms.get(pluralRules[locale].select(count)) ?? forms.get("other") ?? "";
  return format(locale, chosen, params, value === undefined ? `{${name}}` : paramText(locale, value));
}
