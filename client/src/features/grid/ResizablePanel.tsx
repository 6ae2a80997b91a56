/**
 * A side panel beside the grid whose width the user sets: drag the bar at its left edge, or focus the
 * bar and use the arrow keys (Home/End for the narrowest/widest). The width is remembered per browser.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";

const STEP = 24;

export function ResizablePanel({ label, storageKey, min = 300, max = 720, initial = 380, children }: {
  /** What the separator is called to a screen reader ("Resize the history"). */
  label: string;
  storageKey: string;
  min?: number;
  max?: number;
  initial?: number;
  children: ReactNode;
}) {
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(min, value)));
  const [width, setWidthState] = useState(() => clamp(Number(localStorage.getItem(storageKey)) || initial));
  const drag = useRef<{ x: number; width: number } | null>(null);
  const setWidth = (value: number) => {
    const next = clamp(value);
    localStorage.setItem(storageKey, String(next));
    setWidthState(next);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    // The panel is on the right: dragging left widens it.
    if (drag.current) setWidth(drag.current.width + drag.current.x - event.clientX);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowLeft: width + STEP, ArrowRight: width - STEP, Home: min, End: max }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setWidth(next);
  };
  return (
    <>
      <div
        className="panel-splitter"
        role="separator"
        aria-orientation="vertical"
        aria-label={label}
        aria-valuenow={width}
        aria-valuemin={min}
        aria-valuemax={max}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => { drag.current = null; }}
        onPointerCancel={() => { drag.current = null; }}
        onKeyDown={onKeyDown}
      />
      <div className="side-panel" style={{ width }}>{children}</div>
    </>
  );
}
