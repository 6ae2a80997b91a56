import { readSourceReference, readSourceReferences, type SourceReference as SourceReferenceShape } from "@ramme/domain";
import { builder } from "../builder.ts";

export const SourceReference = builder.objectRef<SourceReferenceShape>("SourceReference").implement({
  description: "Where a record comes from in the source documents.",
  fields: (t) => ({
    document: t.exposeString("document", { description: "File name of the source document in shared/seed-documents." }),
    section: t.exposeString("section", { description: "Section, chapter or table as printed." }),
    paragraph: t.exposeInt("paragraph", { nullable: true, description: "The agreement's paragraph number, where there is one." }),
    initiativeNumber: t.exposeString("initiativeNumber", {
      nullable: true,
      description: 'The strategy\'s initiative number ("2.1") or the 2021 strategy\'s number ("13").',
    }),
    recommendation: t.exposeInt("recommendation", { nullable: true, description: "Life Science Rådet's recommendation number (1-12)." }),
    quote: t.exposeString("quote", { nullable: true, description: "A short verbatim excerpt of the source." }),
  }),
});

/** Reads a `source` JSON column as a SourceReference, checking its shape. */
export const asSource = readSourceReference;
/** Reads a `sources` JSON column as SourceReferences, checking their shape. */
export const asSources = readSourceReferences;

builder.prismaObject("Document", {
  description: "One of the five source documents.",
  fields: (t) => ({
    key: t.exposeString("id", { description: 'Stable key, e.g. "agreement-2024".' }),
    fileName: t.exposeString("fileName", { description: "File name in shared/seed-documents." }),
    title: t.exposeString("title", { description: "The document's title." }),
    publisher: t.exposeString("publisher", { description: "Who published it." }),
    published: t.exposeString("published", { description: 'Publication date as precise as the document gives it ("2024-11-21" or "2024-11").' }),
  }),
});
