/** The price index table's documents, shared by the page and the price level selectors. */
import { graphql } from "../../graphql.ts";

export const PriceIndicesQuery = graphql(`
  query PriceIndices {
    priceIndices { year label value source isBase updatedBy updatedAt }
  }
`);

/** An index as the API writes it ("103.2") in the UI's notation ("103,2" in Danish). */
export const indexText = (value: string, locale: "da" | "en") => (locale === "da" ? value.replace(".", ",") : value);
