import { readSourceReference, readSourceReferences, type SourceReference as SourceReferenceShape } from "@ramme/domain";
import type { Context } from "../auth/context.ts";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import type { Document } from "../generated/prisma/client.ts";

/** The source documents by file name, read once per request (there are a handful, and every reference names one). */
const documentsOf = new WeakMap<Context, Promise<Map<string, Document>>>();
function documentByFileName(context: Context, fileName: string): Promise<Document | null> {
  let documents = documentsOf.get(context);
  if (!documents) {
    documents = db.document.findMany().then((rows) => new Map(rows.map((row) => [row.fileName, row])));
    documentsOf.set(context, documents);
  }
  return documents.then((byName) => byName.get(fileName) ?? null);
}

export const SourceReference = builder.objectRef<SourceReferenceShape>("SourceReference").implement({
  description: "Where a record comes from in the source documents.",
  fields: (t) => ({
    document: t.exposeString("document", { description: "File name of the source document in shared/seed-documents (name the document to people by sourceDocument's title and date)." }),
    sourceDocument: t.field({
      description: "The source document itself, to name it by its title and publication date. Null only if the file is not one of the documents.",
      type: DocumentObject,
      nullable: true,
      resolve: (source, _args, context) => documentByFileName(context, source.document),
    }),
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

const DocumentObject = builder.prismaObject("Document", {
  description: "One of the five source documents.",
  fields: (t) => ({
    key: t.exposeString("id", { description: 'Stable key, e.g. "agreement-2024".' }),
    fileName: t.exposeString("fileName", { description: "File name in shared/seed-documents." }),
    title: t.exposeString("title", { description: "The document's title." }),
    publisher: t.exposeString("publisher", { description: "Who published it." }),
    published: t.exposeString("published", { description: 'Publication date as precise as the document gives it ("2024-11-21" or "2024-11").' }),
  }),
});
