/**
 * The planner's places, kept in the URL hash so a link or a refresh returns to the same view:
 * `#/` the scenario list, `#/scenario/<key>` a scenario's grid (`?vs=<key>&at=now|fork`: showing its
 * difference to that scenario, at the fork: to the parent as it was when this one was forked), `#/compare?base=<key>&others=<key>,<key>`,
 * `#/coverage?scenarios=<key>,<key>` the recommendations in scenarios side by side,
 * `#/brief?base=<key>&other=<key>&lang=da|en` a comparison as a printable note (Danish unless lang=en),
 * `#/consistency/<key>` a baseline's consistency report,
 * `#/lineage` the fork tree (`#/lineage/<key>`: from one scenario down),
 * `#/price-levels` the price index table,
 * `#/users` the users (admins, accounts mode),
 * `#/api-tokens` the signed-in person's API tokens (accounts mode),
 * `#/account` the signed-in person's own account and password (accounts mode).
 *
 * Each place may be prefixed with a frame (issue 22): `#/f/<frame key>/scenario/<key>` is a place in
 * that frame. Without the prefix the place is in the default frame (the life science frame the
 * documents seed), so every link made before frames existed still opens what it opened.
 */
import { useEffect, useState } from "react";

export type Route =
  | { view: "list" }
  | { view: "scenario"; key: string; reference?: GridReference }
  | { view: "compare"; base: string | null; others: string[] }
  | { view: "coverage"; scenarios: string[] }
  | { view: "brief"; base: string | null; other: string | null; lang: "da" | "en" }
  | { view: "consistency"; key: string }
  | { view: "lineage"; key: string | null }
  | { view: "priceLevels" }
  | { view: "users" }
  | { view: "apiTokens" }
  | { view: "myAccount" };

/** The scenario the grid shows its difference to, as it is now or (its parent) as it was at the fork. */
export interface GridReference {
  key: string;
  at: "now" | "fork";
}

/** `#/f/<frame>/rest`: the frame's key, and the hash without the prefix. */
const FRAME_PREFIX = /^#?\/f\/([^/?]+)(?=\/|\?|$)/;

/** The frame the URL names; null: the default frame. */
export function parseFrame(hash: string): string | null {
  const match = FRAME_PREFIX.exec(hash);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** The frame of the page's current URL (null outside a browser, or for the default frame). */
export function currentFrame(): string | null {
  return typeof window === "undefined" ? null : parseFrame(window.location.hash);
}

export function parseRoute(hash: string): Route {
  const [path = "", query = ""] = hash.replace(FRAME_PREFIX, "").replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "scenario" && parts[1]) {
    const vs = new URLSearchParams(query).get("vs");
    return vs ? { view: "scenario", key: parts[1], reference: { key: vs, at: new URLSearchParams(query).get("at") === "fork" ? "fork" : "now" } } : { view: "scenario", key: parts[1] };
  }
  if (parts[0] === "consistency" && parts[1]) return { view: "consistency", key: parts[1] };
  if (parts[0] === "compare") {
    const params = new URLSearchParams(query);
    return { view: "compare", base: params.get("base"), others: (params.get("others") ?? "").split(",").filter(Boolean) };
  }
  if (parts[0] === "coverage") return { view: "coverage", scenarios: (new URLSearchParams(query).get("scenarios") ?? "").split(",").filter(Boolean) };
  if (parts[0] === "brief") {
    const params = new URLSearchParams(query);
    return { view: "brief", base: params.get("base"), other: params.get("other"), lang: params.get("lang") === "en" ? "en" : "da" };
  }
  if (parts[0] === "lineage") return { view: "lineage", key: parts[1] ?? null };
  if (parts[0] === "price-levels") return { view: "priceLevels" };
  if (parts[0] === "users") return { view: "users" };
  if (parts[0] === "api-tokens") return { view: "apiTokens" };
  if (parts[0] === "account") return { view: "myAccount" };
  return { view: "list" };
}

/**
 * The link to a place, in a frame: by default the frame the page is in now, so a link keeps the
 * reader in their frame; null: the default frame (no prefix).
 */
export function hrefOf(route: Route, frame: string | null = currentFrame()): string {
  const path = pathOf(route);
  return frame === null ? path : `#/f/${encodeURIComponent(frame)}${path.slice(1)}`;
}

function pathOf(route: Route): string {
  switch (route.view) {
    case "list":
      return "#/";
    case "scenario":
      return `#/scenario/${encodeURIComponent(route.key)}${route.reference ? `?${new URLSearchParams({ vs: route.reference.key, at: route.reference.at }).toString()}` : ""}`;
    case "compare": {
      const params = new URLSearchParams();
      if (route.base) params.set("base", route.base);
      if (route.others.length > 0) params.set("others", route.others.join(","));
      return `#/compare?${params.toString()}`;
    }
    case "coverage":
      return `#/coverage?${new URLSearchParams({ scenarios: route.scenarios.join(",") }).toString()}`;
    case "brief": {
      const params = new URLSearchParams();
      if (route.base) params.set("base", route.base);
      if (route.other) params.set("other", route.other);
      params.set("lang", route.lang);
      return `#/brief?${params.toString()}`;
    }
    case "consistency":
      return `#/consistency/${encodeURIComponent(route.key)}`;
    case "lineage":
      return route.key ? `#/lineage/${encodeURIComponent(route.key)}` : "#/lineage";
    case "priceLevels":
      return "#/price-levels";
    case "users":
      return "#/users";
    case "apiTokens":
      return "#/api-tokens";
    case "myAccount":
      return "#/account";
  }
}

export function navigate(route: Route, frame: string | null = currentFrame()): void {
  window.location.hash = hrefOf(route, frame);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

/** The frame the URL names (null: the default frame), following the URL. */
export function useFrameParam(): string | null {
  const [frame, setFrame] = useState(currentFrame);
  useEffect(() => {
    const onChange = () => setFrame(currentFrame());
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return frame;
}
