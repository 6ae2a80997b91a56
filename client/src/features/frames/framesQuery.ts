/** The frames every signed-in user sees (archived ones too, for a link that names one), and who may manage them. */
import { graphql, type ResultOf } from "../../graphql.ts";
import type { AccountUser } from "../account/accountDocuments.ts";

export const FramesQuery = graphql(`
  query Frames {
    frames(includeArchived: true) {
      id key name description archived hasDocuments priceLevel precisionDecimals
      owner { key }
      years { year amount }
    }
  }
`);

export type FrameInfo = ResultOf<typeof FramesQuery>["frames"][number];

/** Whether the caller may create, rename and archive frames: the local user, or an admin of a secretariat (the server's rule, engine/frames.ts). */
export const mayManageFrames = (me: AccountUser | null) => me === null || (me.role === "ADMIN" && me.organisation.kind === "SECRETARIAT");

/** "2025-2030" (one year alone: "2025"). */
export function frameYears(frame: Pick<FrameInfo, "years">): string {
  const first = frame.years[0]?.year;
  const last = frame.years[frame.years.length - 1]?.year;
  return first === undefined ? "" : first === last ? String(first) : `${first}-${last}`;
}
