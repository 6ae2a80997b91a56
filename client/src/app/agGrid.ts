/**
 * AG Grid set-up, once for the app: only the Community modules the planner uses are registered (the
 * bundle carries nothing else), and one theme with the planner's colours.
 */
import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  EventApiModule,
  ExternalFilterModule,
  ModuleRegistry,
  PinnedRowModule,
  RenderApiModule,
  RowApiModule,
  RowAutoHeightModule,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
  themeQuartz,
  TooltipModule,
} from "ag-grid-community";

ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  // Reading the displayed order and the sort, so selection and paste follow a sorted grid.
  ClientSideRowModelApiModule,
  ColumnApiModule,
  TextEditorModule,
  PinnedRowModule,
  TooltipModule,
  CellStyleModule,
  RowStyleModule,
  RowApiModule,
  RenderApiModule,
  ScrollApiModule,
  // The grid's search and filter chips (doesExternalFilterPass), and the comment popover's and Shift+F2's listeners.
  ExternalFilterModule,
  EventApiModule,
  // No column has autoHeight, but without this module the grid takes its rows as never measured:
  // every ensureIndexVisible (each Enter, arrow or Tab that moves the focus) then leaves a listener
  // that scrolls to that row again on the next model update, up to ten times — after an edit, in the
  // middle of the commit that shows the new totals, reading the scroll position and so forcing a
  // layout of the whole page. With it, the rows count as measured and nothing is left behind.
  RowAutoHeightModule,
]);

export const gridTheme = themeQuartz.withParams({
  fontFamily: "inherit",
  fontSize: 14,
  headerFontWeight: 600,
  accentColor: "#1d5fa8",
  rowHeight: 34,
  headerHeight: 40,
  spacing: 6,
});
