/** Source documents are named by title and date, as people cite them, in the UI's language. */
import { describe, expect, it } from "vitest";
import { documentDate, documentName } from "../../client/src/app/documentName.ts";

describe("documentName", () => {
  it("names a document by its title and the day it was published", () => {
    expect(documentName({ title: "Aftale om strategi for life science", published: "2024-11-21" }, "da")).toBe("Aftale om strategi for life science, 21. november 2024");
    expect(documentName({ title: "Aftale om strategi for life science", published: "2024-11-21" }, "en")).toBe("Aftale om strategi for life science, 21 November 2024");
  });

  it("keeps a month-only date a month", () => {
    expect(documentDate("2021-05", "da")).toBe("maj 2021");
    expect(documentDate("2021-05", "en")).toBe("May 2021");
  });

  it("shows a date it cannot read as it is", () => {
    expect(documentDate("spring 2023", "en")).toBe("spring 2023");
  });
});
