/**
 * Source references: where a record comes from in the source documents. The one shape of every `source`
 * JSON column (seeds/FORMAT.md), of the API's SourceReference and of the exported workbooks' source notes.
 */
export interface SourceReference {
  /** The document's key ("agreement-2024"), or its title once resolved for people. */
  document: string;
  section: string;
  paragraph?: number;
  initiativeNumber?: string;
  recommendation?: number;
  quote?: string;
}

const OPTIONAL_FIELDS = { paragraph: "number", initiativeNumber: "string", recommendation: "number", quote: "string" } as const;

/** Reads one stored source reference, checking its shape: a JSON column is data, not a promise. */
export function readSourceReference(value: unknown): SourceReference {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`A source reference must be an object, not ${JSON.stringify(value)}`);
  }
  const record = value as Record<string, unknown>;
  if (typeof record.document !== "string" || typeof record.section !== "string") {
    throw new TypeError(`A source reference needs a document and a section: ${JSON.stringify(value)}`);
  }
  const reference: SourceReference = { document: record.document, section: record.section };
  for (const [field, type] of Object.entries(OPTIONAL_FIELDS) as Array<[keyof typeof OPTIONAL_FIELDS, string]>) {
    const fieldValue = record[field];
    if (fieldValue === undefined || fieldValue === null) continue;
    if (typeof fieldValue !== type) throw new TypeError(`A source reference's ${field} must be a ${type}: ${JSON.stringify(value)}`);
    Object.assign(reference, { [field]: fieldValue });
  }
  return reference;
}

/** Reads a stored list of source references (a `sources` JSON column). */
export function readSourceReferences(value: unknown): SourceReference[] {
  if (!Array.isArray(value)) throw new TypeError(`Source references must be a list, not ${JSON.stringify(value)}`);
  return value.map(readSourceReference);
}
