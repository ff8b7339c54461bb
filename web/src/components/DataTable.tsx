import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Right-aligns numbers, for example. */
  className?: string;
}

interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  /** Show the caption to sighted users too; otherwise it is for screen readers only. */
  showCaption?: boolean;
}

export function DataTable<T>({ caption, columns, rows, rowKey, empty = "Nothing to show.", showCaption = false }: DataTableProps<T>) {
  const wrap = useRef<HTMLDivElement>(null);
  const scrollable = useOverflows(wrap);
  return (
    // Only a table wider than its box becomes a labelled, focusable region, so keyboard users can scroll it.
    <div ref={wrap} className="table-wrap" {...(scrollable ? { role: "region", "aria-label": `${caption} (scrollable)`, tabIndex: 0 } : {})}>
      <table className="table">
        <caption className={showCaption ? "table-caption" : "visually-hidden"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.className}>{column.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table-empty">{empty}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column, index) => (
                  <td key={index} className={column.className}>{column.cell(row)}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function useOverflows(ref: RefObject<HTMLElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const check = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return overflows;
}
