/**
 * The frame in the URL (issue 22): `#/f/<frame key>/…` is a place in that frame; without the prefix
 * the default (life science) frame, so every link made before frames opens what it opened; links
 * keep the frame they are made in.
 */
import { describe, expect, it } from "vitest";
import { hrefOf, parseFrame, parseRoute } from "../../client/src/app/route.ts";

describe("the frame in the URL", () => {
  it("reads the places of today's links unchanged, in the default frame", () => {
    expect(parseFrame("#/scenario/aftale-2024")).toBeNull();
    expect(parseRoute("#/scenario/aftale-2024")).toEqual({ view: "scenario", key: "aftale-2024" });
    expect(parseRoute("#/compare?base=a&others=b,c")).toEqual({ view: "compare", base: "a", others: ["b", "c"] });
    expect(parseRoute("#/")).toEqual({ view: "list" });
  });

  it("reads the frame and the place after it", () => {
    expect(parseFrame("#/f/groen-pulje/scenario/grundlag-1")).toBe("groen-pulje");
    expect(parseRoute("#/f/groen-pulje/scenario/grundlag-1?vs=x&at=fork")).toEqual({ view: "scenario", key: "grundlag-1", reference: { key: "x", at: "fork" } });
    expect(parseRoute("#/f/groen-pulje/")).toEqual({ view: "list" });
    expect(parseRoute("#/f/groen-pulje")).toEqual({ view: "list" });
    expect(parseFrame("#/f/gr%C3%B8n/compare?base=a")).toBe("grøn");
    expect(parseRoute("#/f/groen-pulje/compare?base=a&others=b")).toEqual({ view: "compare", base: "a", others: ["b"] });
  });

  it("writes links in a frame with its prefix, and in the default frame without one", () => {
    expect(hrefOf({ view: "scenario", key: "aftale-2024" }, null)).toBe("#/scenario/aftale-2024");
    expect(hrefOf({ view: "list" }, null)).toBe("#/");
    expect(hrefOf({ view: "list" }, "groen-pulje")).toBe("#/f/groen-pulje/");
    expect(hrefOf({ view: "compare", base: "a", others: ["b"] }, "groen-pulje")).toBe("#/f/groen-pulje/compare?base=a&others=b");
    for (const route of [{ view: "scenario", key: "k" }, { view: "lineage", key: null }, { view: "consistency", key: "k" }] as const) {
      expect(parseRoute(hrefOf(route, "groen-pulje"))).toEqual(route);
      expect(parseFrame(hrefOf(route, "groen-pulje"))).toBe("groen-pulje");
    }
  });
});
