/**
 * Finding lines: a search box (Ctrl+F in the scenario view goes to it; Escape in it clears it) and
 * the filter chips — changed against the reference, a total over or under a threshold, lines with
 * comments, new proposals — with how many lines are shown, and the note that the pinned totals are
 * the whole scenario's while a filter is on.
 */
import { useEffect, useId, useRef, useState } from "react";
import "./gridTools.css";
import { useI18n } from "../../i18n/I18n.tsx";
import { parseCellInput } from "./pasteBlock.ts";
import type { LineFilterState } from "./useLineFilter.ts";

export function GridSearch({ state, diffOn }: { state: LineFilterState; diffOn: boolean }) {
  const { t } = useI18n();
  const searchId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const { filter, setFilter } = state;
  const [thresholdText, setThresholdText] = useState("");
  const [thresholdOn, setThresholdOn] = useState(false);
  const [direction, setDirection] = useState<"over" | "under">("over");
  const parsed = thresholdText.trim() === "" ? null : parseCellInput(thresholdText, 6);
  const thresholdInvalid = thresholdOn && parsed !== null && !parsed.ok;

  // The threshold chip filters once its amount reads as one.
  const thresholdAmount = thresholdOn && parsed?.ok ? parsed.amount : null;
  useEffect(() => {
    const amount = thresholdAmount;
    setFilter((current) => {
      const same = amount === null ? current.threshold === null : current.threshold?.amount === amount && current.threshold.direction === direction;
      return same ? current : { ...current, threshold: amount === null ? null : { direction, amount } };
    });
  }, [thresholdAmount, direction, setFilter]);

  // The changed chip means nothing without a reference.
  useEffect(() => {
    if (!diffOn && filter.changed) setFilter((current) => ({ ...current, changed: false }));
  }, [diffOn, filter.changed, setFilter]);

  // Ctrl+F (⌘F) in the scenario view: to the search, as a spreadsheet's find.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== "f" || event.shiftKey || event.altKey) return;
      const input = inputRef.current;
      if (!input) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const chip = (on: boolean, label: string, toggle: () => void, options: { title?: string; disabled?: boolean } = {}) => (
    <button type="button" className={on ? "filter-chip on" : "filter-chip"} aria-pressed={on} onClick={toggle} title={options.title} disabled={options.disabled}>
      {label}
    </button>
  );

  return (
    <div className="grid-search">
      <label htmlFor={searchId} className="visually-hidden">{t("searchLabel")}</label>
      <input
        ref={inputRef}
        id={searchId}
        type="search"
        className="grid-search-input"
        placeholder={t("searchPlaceholder")}
        value={filter.text}
        onChange={(event) => {
          const text = event.target.value;
          setFilter((current) => ({ ...current, text }));
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape" && filter.text) {
            event.preventDefault();
            setFilter((current) => ({ ...current, text: "" }));
          }
        }}
      />
      <div className="filter-chips" role="group" aria-label={t("filterChips")}>
        {chip(filter.changed, t("filterChanged"), () => setFilter((current) => ({ ...current, changed: !current.changed })), { title: t("filterChangedTitle"), disabled: !diffOn })}
        <span className={thresholdOn ? "filter-chip threshold on" : "filter-chip threshold"}>
          <button type="button" className="filter-chip-inner" aria-pressed={thresholdOn} onClick={() => setThresholdOn((on) => !on)}>{t("filterThreshold")}</button>
          {thresholdOn && (
            <>
              <select aria-label={t("filterThreshold")} value={direction} onChange={(event) => setDirection(event.target.value === "under" ? "under" : "over")}>
                <option value="over">{t("filterOver")}</option>
                <option value="under">{t("filterUnder")}</option>
              </select>
              <input
                className="threshold-input"
                inputMode="decimal"
                aria-label={t("filterThresholdValue")}
                aria-invalid={thresholdInvalid}
                title={thresholdInvalid ? t("filterThresholdInvalid") : t("filterThresholdValue")}
                value={thresholdText}
                size={6}
                onChange={(event) => setThresholdText(event.target.value)}
              />
            </>
          )}
        </span>
        {chip(filter.comments, t("filterComments"), () => setFilter((current) => ({ ...current, comments: !current.comments })))}
        {chip(filter.proposals, t("filterProposals"), () => setFilter((current) => ({ ...current, proposals: !current.proposals })))}
      </div>
      {state.active && (
        <span className="filter-summary" role="status">
          {t("filterShown", { count: state.shown, total: state.total })} · <strong>{t("totalsWholeScenario")}</strong>{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setThresholdOn(false);
              setThresholdText("");
              setFilter(() => ({ text: "", changed: false, threshold: null, comments: false, proposals: false }));
            }}
          >
            {t("searchClear")}
          </button>
        </span>
      )}
    </div>
  );
}
