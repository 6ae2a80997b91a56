/** Counts in the UI's texts: one message catalogue, grammatical in both languages through Intl.PluralRules. */
import { describe, expect, it } from "vitest";
import { format, message, messages, render, translate, type Locale, type MessageKey } from "../../client/src/i18n/messages.ts";

const locales: Locale[] = ["da", "en"];

describe("plural messages", () => {
  it("picks the form for the count in each language", () => {
    expect(translate("da", "historyCells", { count: 1 })).toBe("1 celle");
    expect(translate("da", "historyCells", { count: 2 })).toBe("2 celler");
    expect(translate("da", "historyCells", { count: 0 })).toBe("0 celler");
    expect(translate("en", "historyCells", { count: 1 })).toBe("1 cell");
    expect(translate("en", "historyCells", { count: 2 })).toBe("2 cells");
    expect(translate("da", "pasteRefused", { count: 1, first: "»x« (2025)" })).toBe("Indsættelsen blev ikke gemt: 1 celle er ugyldig. Første: »x« (2025).");
    expect(translate("en", "pasteRefused", { count: 3, first: "“x” (2025)" })).toBe("The paste was not saved: 3 cells are invalid. First: “x” (2025).");
    expect(translate("da", "copied", { count: 1 })).toBe("1 celle kopieret.");
    expect(translate("en", "pasted", { count: 1 })).toBe("1 cell pasted.");
    expect(translate("en", "reasonTooPrecise", { decimals: 1 })).toBe("at most 1 decimal");
    expect(translate("da", "reasonTooPrecise", { decimals: 2 })).toBe("højst 2 decimaler");
    expect(translate("en", "liveChangedCells", { who: "Søren", count: 1 })).toBe("Søren changed 1 cell.");
    expect(translate("en", "coverageFundedCount", { funded: 1, count: 1 })).toBe("1 of 1 recommendation gets money");
    expect(translate("da", "filterShown", { count: 3, total: 25 })).toBe("3 af 25 linjer vises");
    expect(translate("en", "filterShown", { count: 1, total: 1 })).toBe("1 of 1 line shown");
  });

  it("fills several counts in one message, each with its own form", () => {
    const text = translate("da", "pasteOutside", { rows: 1, columns: 3, start: "vmk 2027", fitRows: 1, fitColumns: 1 });
    expect(text).toBe("Det indsatte (1 række × 3 kolonner) går ud over tabellen; fra vmk 2027 er der plads til 1 række × 1 kolonne. Intet er gemt.");
  });

  it("chooses an exact form before the language's category, and leaves unknown placeholders visible", () => {
    expect(format("en", "{n, plural, =0 {none} one {# item} other {# items}}", { n: 0 })).toBe("none");
    expect(format("en", "{n, plural, =0 {none} one {# item} other {# items}}", { n: 1 })).toBe("1 item");
    expect(format("en", "Hello {who}", {})).toBe("Hello {who}");
  });

  it("has no catalogue text that hedges a count with (r), (er), (s) or (e)", () => {
    for (const locale of locales) {
      for (const [key, text] of Object.entries(messages[locale])) {
        expect(text, `${locale}.${key}`).not.toMatch(/\w\((r|er|e|s|es|ne)\)/);
      }
    }
  });

  it("has every plural with an `other` form, counting a value the other language also names", () => {
    const plurals = (text: string) => [...text.matchAll(/\{\s*(\w+)\s*,\s*plural\s*,/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(messages.da) as MessageKey[]) {
      const da = messages.da[key];
      const en = messages.en[key];
      for (const name of plurals(da)) expect(en, key).toContain(`{${name}`);
      for (const name of plurals(en)) expect(da, key).toContain(`{${name}`);
      for (const text of [da, en]) if (plurals(text).length > 0) expect(text, key).toMatch(/other\s*\{/);
    }
  });
});

describe("messages kept as key and values", () => {
  it("render in the language shown, so a status line follows a switch of language", () => {
    const stored = message("pasteRefused", { count: 2, first: message("historyCells", { count: 1 }) });
    expect(render("da", stored)).toBe("Indsættelsen blev ikke gemt: 2 celler er ugyldige. Første: 1 celle.");
    expect(render("en", stored)).toBe("The paste was not saved: 2 cells are invalid. First: 1 cell.");
  });

  it("take values that depend on the language, such as amounts", () => {
    const stored = message("overBy", { amount: (locale) => (locale === "da" ? "1,5" : "1.5") });
    expect(render("da", stored)).toBe("1,5 over rammen");
    expect(render("en", stored)).toBe("1.5 over the frame");
  });
});
