/**
 * Bringing every year inside the frame: the server proposes (pro rata on chosen lines, or a reserve
 * line taking up the difference), the user sees every changed cell and what stays over, and only
 * then applies it — as one ordinary paste, so it is checked, versioned and undoable like any edit.
 */
import { useState } from "react";
import { useClient } from "urql";
import { graphql, type ResultOf } from "../../graphql.ts";
import { Dialog } from "../../app/Dialog.tsx";
import { formatAmount, fromApi } from "../../app/amounts.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import type { PastedCell } from "./pasteBlock.ts";
import { failureText } from "../../app/failures.ts";

const BalanceScenario = graphql(`
  query BalanceScenario($id: ID!, $strategy: BalanceStrategyInput!) {
    balanceScenario(scenarioId: $id, strategy: $strategy) {
      __typename
      ... on BalanceProposal { basedOnVersion cells { initiative { key } year before after } unresolved { year overBy } }
      ... on Error { message }
    }
  }
`);

type Proposal = Extract<ResultOf<typeof BalanceScenario>["balanceScenario"], { __typename: "BalanceProposal" }>;

export function BalanceDialog(props: { scenarioKey: string; lines: ReadonlyArray<{ key: string; title: string; isReserve: boolean }>; onClose: () => void; onApply: (cells: PastedCell[]) => void }) {
  const { t, locale } = useI18n();
  const client = useClient();
  const reserve = props.lines.find((line) => line.isReserve);
  const [strategy, setStrategy] = useState<"proRata" | "reserve">(reserve ? "reserve" : "proRata");
  const [chosen, setChosen] = useState<string[]>([]);
  const [reserveKey, setReserveKey] = useState(reserve?.key ?? props.lines[0]?.key ?? "");
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const amountText = (amount: string | null) => (amount === null ? "–" : formatAmount(fromApi(amount), locale));
  const titleOf = (key: string) => props.lines.find((line) => line.key === key)?.title ?? key;

  async function propose() {
    setFailure(null);
    const variables = {
      id: props.scenarioKey,
      strategy: strategy === "proRata" ? { reduceProRata: { initiativeIds: chosen } } : { reserve: { initiativeId: reserveKey } },
    };
    const response = await client.query(BalanceScenario, variables, { requestPolicy: "network-only" }).toPromise();
    const result = response.data?.balanceScenario;
    if (result?.__typename === "BalanceProposal") setProposal(result);
    else setFailure(failureText(t, result, response.error));
  }

  return (
    <Dialog
      title={t("balanceTitle")}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" onClick={() => void propose()} disabled={strategy === "proRata" && chosen.length === 0}>{t("balancePropose")}</button>
          <button
            type="button"
            className="primary"
            disabled={!proposal || proposal.cells.length === 0}
            onClick={() =>
              // A proposal changes amounts of the scenario's own lines: every cell has an amount after (null would mean no line).
              props.onApply(proposal!.cells.flatMap((cell) => (cell.after === null ? [] : [{ initiativeKey: cell.initiative.key, year: cell.year, text: cell.after, amount: fromApi(cell.after) }])))
            }
          >
            {t("balanceApply")}
          </button>
        </>
      }
    >
      <fieldset className="choice">
        <legend>{t("balanceHow")}</legend>
        <label className="inline"><input type="radio" checked={strategy === "proRata"} onChange={() => { setStrategy("proRata"); setProposal(null); }} /> {t("balanceProRata")}</label>
        <label className="inline"><input type="radio" checked={strategy === "reserve"} onChange={() => { setStrategy("reserve"); setProposal(null); }} /> {t("balanceReserve")}</label>
      </fieldset>
      {strategy === "proRata" ? (
        <div className="line-choices" role="group" aria-label={t("balanceProRata")}>
          {props.lines.map((line) => (
            <label key={line.key} className="inline">
              <input
                type="checkbox"
                checked={chosen.includes(line.key)}
                onChange={(event) => { setProposal(null); setChosen((current) => (event.target.checked ? [...current, line.key] : current.filter((key) => key !== line.key))); }}
              />
              {line.title}
            </label>
          ))}
        </div>
      ) : (
        <label>
          {t("balanceReserveLine")}
          <select value={reserveKey} onChange={(event) => { setReserveKey(event.target.value); setProposal(null); }}>
            {props.lines.map((line) => <option key={line.key} value={line.key}>{line.title}</option>)}
          </select>
        </label>
      )}
      {failure && <p role="alert" className="error">{failure}</p>}
      {proposal && (
        <div className="proposal" aria-live="polite">
          <h3>{t("balanceProposal")}</h3>
          {proposal.cells.length === 0 ? <p>{t("balanceNothing")}</p> : (
            <table className="data-table">
              <thead><tr><th scope="col">{t("columnInitiative")}</th><th scope="col">{t("year")}</th><th scope="col">{t("balanceBefore")}</th><th scope="col">{t("balanceAfter")}</th></tr></thead>
              <tbody>
                {proposal.cells.map((cell) => (
                  <tr key={`${cell.initiative.key}:${cell.year}`}>
                    <td>{titleOf(cell.initiative.key)}</td><td>{cell.year}</td>
                    <td>{amountText(cell.before)}</td><td>{amountText(cell.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {proposal.unresolved.length > 0 && (
            <p role="alert" className="error">{t("balanceUnresolved", { years: proposal.unresolved.map((year) => `${year.year} (${formatAmount(fromApi(year.overBy), locale)})`).join(", ") })}</p>
          )}
        </div>
      )}
    </Dialog>
  );
}
