import type { DocumentNode } from "graphql";

/** Each operation of client/src as the browser holds it (clientDocuments.mjs). */
export function clientOperations(): Array<{ name: string; file: string; document: DocumentNode }>;
