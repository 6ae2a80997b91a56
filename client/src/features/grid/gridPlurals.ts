/**
 * Grammatical counts in the grid's messages through Intl.PluralRules: a message with a count has a
 * form for "one" next to its other form ("1 celle indsat." / "2 celler indsat.").
 */
import type { Locale, MessageKey } from "../../i18n/messages.ts";

const ONE_FORMS: Partial<Record<MessageKey, MessageKey>> = {
  pasted: "pastedOne",
  copied: "copiedOne",
  pasteRefused: "pasteRefusedOne",
  reasonTooPrecise: "reasonTooPreciseOne",
};

const rules = { da: new Intl.PluralRules("da-DK"), en: new Intl.PluralRules("en-GB") };

/** The message to use for `count` of `key` in `locale`: its "one" form where it has one and the language calls for it. */
export function pluralKey(locale: Locale, key: MessageKey, count: number): MessageKey {
  return rules[locale].select(count) === "one" ? (ONE_FORMS[key] ?? key) : key;
}
