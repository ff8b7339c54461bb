import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { useSearchParams } from "react-router";

export interface Tab {
  id: string;
  label: string;
  render: () => ReactNode;
}

interface TabsProps {
  label: string;
  tabs: Tab[];
  /** The active tab lives in the URL so it survives reloads and can be linked. */
  param?: string;
}

/** WAI-ARIA tabs: arrow keys, Home and End move between tabs; only the active tab is in the tab order. */
export function Tabs({ label, tabs, param = "tab" }: TabsProps) {
  const [params, setParams] = useSearchParams();
  const baseId = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const requested = params.get(param);
  const active = tabs.find((tab) => tab.id === requested) ?? tabs[0];
  if (!active) return null;

  const select = (id: string) => {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set(param, id);
      return next;
    }, { replace: true });
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const tab = tabs[target];
    if (!tab) return;
    select(tab.id);
    refs.current[target]?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tablist">
        {tabs.map((tab, index) => {
          const selected = tab.id === active.id;
          return (
            <button
              key={tab.id}
              ref={(element) => { refs.current[index] = element; }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`${baseId}-panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              className="tab"
              onClick={() => select(tab.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${baseId}-panel-${active.id}`} aria-labelledby={`${baseId}-tab-${active.id}`} className="tabpanel">
        {active.render()}
      </div>
    </div>
  );
}
