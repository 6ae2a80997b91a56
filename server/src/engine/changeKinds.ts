/** The kinds of change a scenario's history records, in a module of their own: the engine, the schema and the live transport name them without importing each other. */
export const CHANGE_KINDS = [
  "CREATED",
  "FORKED",
  "CELLS_SET",
  "LINE_ADDED",
  "LINE_REMOVED",
  "AMOUNT_MOVED",
  "IMPORTED",
  "RESTORED",
  "REVERTED",
  "MERGED",
  "UPDATED",
  "LOCKED",
  "UNLOCKED",
  "ARCHIVED",
  "UNARCHIVED",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
