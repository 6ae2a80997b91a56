/**
 * The menu of an amount cell (right-click, the context-menu key or Shift+F10), as AG Grid Community
 * has none: a WAI-ARIA menu whose items are reached with the arrow keys, Home and End; Escape or
 * Tab closes it and hands the focus back to the cell.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n/I18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";

export type CellMenuAction = "copy" | "paste" | "clear" | "fillDown" | "comment" | "history";

const ITEMS: ReadonlyArray<{ action: CellMenuAction; label: MessageKey; shortcut?: string; changes: boolean }> = [
  { action: "copy", label: "cellMenuCopy", shortcut: "Ctrl+C", changes: false },
  { action: "paste", label: "cellMenuPaste", shortcut: "Ctrl+V", changes: true },
  { action: "clear", label: "cellMenuClear", shortcut: "Delete", changes: true },
  { action: "fillDown", label: "cellMenuFillDown", shortcut: "Ctrl+D", changes: true },
  { action: "comment", label: "cellMenuComment", changes: false },
  { action: "history", label: "cellMenuHistory", changes: false },
];

export function CellContextMenu({ at, cellName, editable, onAction, onClose }: {
  at: { x: number; y: number };
  /** The cell as a person names it ("VMK 2025"), for the menu's label. */
  cellName: string;
  /** Whether the scenario may be changed here: paste, clear and fill are disabled otherwise. */
  editable: boolean;
  onAction: (action: CellMenuAction) => void;
  /** `returnFocus`: hand the focus back to the cell (Escape, Tab, a click elsewhere). */
  onClose: (returnFocus: boolean) => void;
}) {
  const { t } = useI18n();
  const menuRef = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState(at);
  const enabled = ITEMS.filter((item) => editable || !item.changes);
  const [active, setActive] = useState(0);

  // Kept inside the window.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    setPosition({ x: Math.max(0, Math.min(at.x, window.innerWidth - width - 4)), y: Math.max(0, Math.min(at.y, window.innerHeight - height - 4)) });
  }, [at]);
  useEffect(() => {
    menuRef.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]:not([aria-disabled=true])")[active]?.focus();
  }, [active]);
  useEffect(() => {
    const onPointerDown = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener("mousedown", onPointerDown, true);
    return () => document.removeEventListener("mousedown", onPointerDown, true);
  }, [onClose]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const count = enabled.length;
    const moves: Record<string, () => number> = {
      ArrowDown: () => (active + 1) % count,
      ArrowUp: () => (active - 1 + count) % count,
      Home: () => 0,
      End: () => count - 1,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setActive(move());
    } else if (event.key === "Escape" || event.key === "Tab") {
      event.preventDefault();
      onClose(true);
    }
    // Keys must not reach the grid or the planner's shortcuts while the menu is open.
    event.stopPropagation();
  };

  return (
    <div
      ref={menuRef}
      role="menu"
      aria-label={t("cellMenuLabel", { cell: cellName })}
      className="cell-menu"
      style={{ left: position.x, top: position.y }}
      onKeyDown={onKeyDown}
    >
      {ITEMS.map((item) => {
        const disabled = !editable && item.changes;
        return (
          <button
            key={item.action}
            type="button"
            role="menuitem"
            tabIndex={-1}
            aria-disabled={disabled}
            onClick={() => { if (!disabled) onAction(item.action); }}
          >
            <span>{t(item.label)}</span>
            {item.shortcut && <kbd>{item.shortcut}</kbd>}
          </button>
        );
      })}
    </div>
  );
}
