/**
 * The frame the planner is in (issue 22): the one the URL names (`#/f/<key>/…`), or else the default
 * frame — the one the documents seed (the life science frame). Lists ask the server for this
 * frame's scenarios only; the switcher shows only when more than one frame is open for work.
 */
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { type CombinedError, useQuery } from "urql";
import { useFrameParam } from "../../app/route.ts";
import { FramesQuery, type FrameInfo } from "./framesQuery.ts";

export interface FrameState {
  /** The frames open for work (not archived), the seeded one first. */
  frames: readonly FrameInfo[];
  /** The frame the planner is in; null until the frames are known (or for a key no frame has). */
  current: FrameInfo | null;
  /** The key to ask the server for lists with (frameId); null until it is known. */
  frameKey: string | null;
  /** The default frame's key (links to it carry no frame). */
  defaultKey: string | null;
  /** More than one frame open for work: the switcher shows. */
  multiple: boolean;
  /** Why the frames could not be read (then a list waiting for the default frame says so). */
  error: CombinedError | undefined;
  /** Asks the server again (after a frame was made, renamed or archived). */
  refresh: () => void;
}

const FrameContext = createContext<FrameState | null>(null);

export function FrameProvider({ children }: { children: ReactNode }) {
  const param = useFrameParam();
  const [{ data, error }, reexecute] = useQuery({ query: FramesQuery });
  const all = data?.frames;
  const refresh = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);
  const value = useMemo<FrameState>(() => {
    const open = (all ?? []).filter((frame) => !frame.archived);
    const defaultFrame = open.find((frame) => frame.hasDocuments) ?? open[0] ?? null;
    const named = param === null ? null : ((all ?? []).find((frame) => frame.key === param || frame.id === param) ?? null);
    const current = param === null ? defaultFrame : named;
    return {
      frames: open,
      current,
      frameKey: param === null ? (defaultFrame?.key ?? null) : (named?.key ?? param),
      defaultKey: defaultFrame?.key ?? null,
      multiple: open.length > 1,
      error,
      refresh,
    };
  }, [all, param, refresh, error]);
  return <FrameContext.Provider value={value}>{children}</FrameContext.Provider>;
}

export function useFrame(): FrameState {
  const value = useContext(FrameContext);
  if (!value) throw new Error("useFrame outside FrameProvider");
  return value;
}

/** The frame state where there is one (null outside the planner's frame, e.g. on the printable note). */
export function useFrameIfAny(): FrameState | null {
  return useContext(FrameContext);
}

/** The URL's frame for a frame key: null (no prefix) for the default frame. */
export function frameParamOf(state: Pick<FrameState, "defaultKey">, key: string): string | null {
  return key === state.defaultKey ? null : key;
}
