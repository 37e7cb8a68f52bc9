/**
 * ARIA tabs (WAI-ARIA Authoring Practices): arrow keys move between tabs, Tab goes into the
 * panel. Panels stay mounted only while shown, so hidden ones cost nothing.
 */
import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';

export interface TabSpec {
  id: string;
  label: string;
  render: () => ReactNode;
}

export function Tabs(props: {
  tabs: TabSpec[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
}) {
  const base = useId();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const current = props.tabs.find((tab) => tab.id === props.selected) ?? props.tabs[0];
  const onKeyDown = (event: KeyboardEvent) => {
    const index = props.tabs.findIndex((tab) => tab.id === current?.id);
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: props.tabs.length - 1 - index }[
      event.key
    ];
    if (step === undefined) return;
    event.preventDefault();
    const next = props.tabs[(index + step + props.tabs.length) % props.tabs.length];
    if (!next) return;
    props.onSelect(next.id);
    refs.current.get(next.id)?.focus();
  };
  return (
    <div className="wk-tabs">
      <div role="tablist" aria-label={props.label} className="wk-tablist" onKeyDown={onKeyDown}>
        {props.tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) refs.current.set(tab.id, element);
              else refs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            aria-controls={`${base}-panel-${tab.id}`}
            aria-selected={tab.id === current?.id}
            tabIndex={tab.id === current?.id ? 0 : -1}
            onClick={() => props.onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {current && (
        <div
          role="tabpanel"
          id={`${base}-panel-${current.id}`}
          aria-labelledby={`${base}-tab-${current.id}`}
          className="wk-tabpanel"
        >
          {current.render()}
        </div>
      )}
    </div>
  );
}
