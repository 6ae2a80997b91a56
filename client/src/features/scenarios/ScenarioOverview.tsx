import { formatDanishAmount, parseMio } from "@ramme/domain";
import { gql, useQuery } from "urql";
import type { MessageKey } from "../../i18n/messages.ts";

const ScenarioOverviewQuery = gql`
  query ScenarioOverview {
    scenarios {
      edges {
        node {
          id
          name
          kind
          fitsFrame
          lines { position }
          yearTotals { year allocated frame headroom statedTotal statedTotalCheck { difference status } }
        }
      }
    }
  }
`;

interface YearTotal {
  year: number;
  allocated: string;
  frame: string;
  headroom: string;
  statedTotal: string | null;
  statedTotalCheck: { difference: string; status: "MATCHES" | "EXPLAINED" | "PARTLY_EXPLAINED" | "UNEXPLAINED" } | null;
}
interface ScenarioNode {
  id: string;
  name: string;
  kind: "BASELINE" | "WHAT_IF";
  fitsFrame: boolean;
  lines: Array<{ position: number }>;
  yearTotals: YearTotal[];
}

const statusMessage = { MATCHES: "matches", EXPLAINED: "explained", PARTLY_EXPLAINED: "partlyExplained", UNEXPLAINED: "unexplained" } as const;

/** API decimals ("98.9") shown the Danish way ("98,9"), exactly. */
function danish(amount: string) {
  const parsed = parseMio(amount);
  return parsed.ok ? formatDanishAmount(parsed.value) : amount;
}

export function ScenarioOverview({ t }: { t: (key: MessageKey) => string }) {
  const [{ data, fetching, error }] = useQuery<{ scenarios: { edges: Array<{ node: ScenarioNode }> } }>({ query: ScenarioOverviewQuery });
  if (fetching) return <p>{t("loading")}</p>;
  if (error || !data) return <p role="alert">{t("loadError")}</p>;
  return (
    <section aria-labelledby="scenarios-heading">
      <h2 id="scenarios-heading">{t("scenarios")}</h2>
      {data.scenarios.edges.map(({ node }) => (
        <article key={node.id} className="scenario">
          <h3>
            {node.name} <span className="badge">{t(node.kind === "BASELINE" ? "baseline" : "whatIf")}</span>{" "}
            <span className="muted">
              {node.lines.length} {t("lines")}
            </span>
          </h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("year")}</th>
                <th scope="col">{t("allocated")}</th>
                <th scope="col">{t("frame")}</th>
                <th scope="col">{t("headroom")}</th>
                <th scope="col">{t("statedTotal")}</th>
                <th scope="col">{t("statedCheck")}</th>
              </tr>
            </thead>
            <tbody>
              {node.yearTotals.map((total) => (
                <tr key={total.year}>
                  <th scope="row">{total.year}</th>
                  <td>{danish(total.allocated)}</td>
                  <td>{danish(total.frame)}</td>
                  <td className={total.headroom.startsWith("-") ? "over" : undefined}>{danish(total.headroom)}</td>
                  <td>{total.statedTotal === null ? "" : danish(total.statedTotal)}</td>
                  <td className={total.statedTotalCheck?.status === "UNEXPLAINED" ? "warn" : undefined}>
                    {total.statedTotalCheck
                      ? `${t(statusMessage[total.statedTotalCheck.status])}${total.statedTotalCheck.difference === "0" ? "" : ` (${danish(total.statedTotalCheck.difference)})`}`
                      : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}
