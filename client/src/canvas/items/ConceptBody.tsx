/**
 * A concept card: its title, which is the concept's name, and its structured fields, each its
 * own live Y.Text (the Name field only where it has words: shownConceptFields). While one is
 * edited, Tab and Shift+Tab move to the next or previous one, so a keyboard fills the whole
 * card after one Enter; past either end the card itself has focus again.
 */
import { type CSSProperties, useLayoutEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import {
  CONCEPT_FIELDS,
  type Item,
  type ItemMap,
  shownConceptFields,
} from '../../../../shared/board-document.ts';
import { useCanvas } from '../canvas-context.ts';
import { makeTextEditable } from '../model/edit-actions.ts';
import { FrameTitle } from './FrameTitle.tsx';
import { TextEditor } from './TextEditor.tsx';

type Concept = Extract<Item, { type: 'concept' }>;

/**
 * Per field: the whole lines of its label its row has room for where that is fewer than the
 * label's (else null), those of its words (0 where the label takes all the room), and whether
 * its words have more.
 */
type FieldFit = Record<string, { label: number | null; lines: number; cut: boolean }>;

/** The whole lines of `room` px, in an element's lines of `lineHeight` px. */
const wholeLines = (room: number, lineHeight: number) =>
  Math.max(0, Math.floor(room / lineHeight + 0.01));

/**
 * The whole lines each field of the card at `list` has room for, its label's first. The rows
 * shown share the card's height (canvas.css), which the foot's room takes from as the board
 * zooms out or its vote dots wrap: a long field, clipped by its row, was cut across a line with
 * no sign that it went on, and so was a label that wraps on a narrow card (QA). Each now ends
 * on its last whole line, in "…" (the words' title holds all of them); a row too short for a
 * line of words shows none.
 */
function fieldFit(list: HTMLElement): FieldFit {
  const fit: FieldFit = {};
  for (const row of list.querySelectorAll<HTMLElement>(':scope > [data-field]')) {
    const words = row.querySelector<HTMLElement>(':scope > dd');
    const label = row.querySelector<HTMLElement>(':scope > dt');
    const field = row.dataset.field;
    if (!words || !label || !field) continue;
    const style = getComputedStyle(row);
    const room =
      row.clientHeight -
      Number.parseFloat(style.paddingTop) -
      Number.parseFloat(style.paddingBottom);
    const labelLineHeight = Number.parseFloat(getComputedStyle(label).lineHeight);
    const lineHeight = Number.parseFloat(getComputedStyle(words).lineHeight);
    if (!(labelLineHeight > 0 && lineHeight > 0)) continue;
    // Laid out whole however they are clamped: their scroll heights are all of their lines.
    const labelLines = Math.round(label.scrollHeight / labelLineHeight);
    const labelShown = Math.min(labelLines, wholeLines(room, labelLineHeight));
    const lines = wholeLines(room - labelShown * labelLineHeight, lineHeight);
    fit[field] = {
      label: labelShown < labelLines ? labelShown : null,
      lines,
      cut: words.scrollHeight > lines * lineHeight + 1,
    };
  }
  return fit;
}

const sameFit = (a: FieldFit, b: FieldFit) => {
  const fields = Object.keys(a);
  return (
    fields.length === Object.keys(b).length &&
    fields.every(
      (field) =>
        a[field]?.label === b[field]?.label &&
        a[field]?.lines === b[field]?.lines &&
        a[field]?.cut === b[field]?.cut,
    )
  );
};

/** Measures again as the card changes size (a resize, the zoom) and after every render. */
function useFieldFit() {
  const list = useRef<HTMLDListElement>(null);
  const [fit, setFit] = useState<FieldFit>({});
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const measure = () => {
      const now = fieldFit(element);
      setFit((before) => (sameFit(before, now) ? before : now));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // The words change without the card's size: whether a field is cut is measured anew.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const now = fieldFit(element);
    setFit((before) => (sameFit(before, now) ? before : now));
  });
  return { list, fit };
}

export interface ConceptBodyProps {
  item: Concept;
  map: ItemMap;
  editing: string | null;
  onDone: (how: 'keyboard' | 'blur') => void;
}

export function ConceptBody({ item, map, editing, onDone }: ConceptBodyProps) {
  const { t, model, state } = useCanvas();
  const { list, fit } = useFieldFit();
  const fields = map.get('fields');
  const textOf = (field: string) => (fields instanceof Y.Map ? fields.get(field) : undefined);
  // A Name field being written keeps its row though it is cleared, until the editing ends.
  const visible = shownConceptFields(item);
  const shown = CONCEPT_FIELDS.filter(
    (field) => visible.includes(field) || editing === `field:${field}`,
  );
  // The editing stops in reading order, a row not shown skipped. A field a foreign client left
  // out, or wrote as a plain string, becomes live text as its editing starts.
  const stops = ['title', ...shown.map((f) => `field:${f}`)];
  const editedField = CONCEPT_FIELDS.find((field) => editing === `field:${field}`) ?? null;
  const said = editedField ? (item.fields[editedField] ?? '') : '';
  useLayoutEffect(() => {
    if (editedField) makeTextEditable(model, map, editedField, said);
  }, [editedField, model, map, said]);
  const tab = (from: string) => (back: boolean) => {
    const next = stops[stops.indexOf(from) + (back ? -1 : 1)];
    if (next) state.startEditing(item.id, next);
    else onDone('keyboard');
  };
  // Tabbing on unmounts one editor as the next one mounts: the old one's blur is not an end.
  const done = (stop: string) => (how: 'keyboard' | 'blur') => {
    const now = state.editing;
    if (how === 'blur' && now?.id === item.id && now.field !== stop) return;
    onDone(how);
  };
  return (
    <>
      <FrameTitle
        map={map}
        title={item.title}
        editing={editing === 'title'}
        onDone={done('title')}
        onTab={tab('title')}
        className="im-concept-title"
        label={t.canvas.conceptName}
      />
      <dl className="im-concept-fields" ref={list}>
        {shown.map((field) => {
          const text = textOf(field);
          const stop = `field:${field}`;
          const isEditing = editing === stop && text instanceof Y.Text;
          const words = item.fields[field] ?? '';
          const style: CSSProperties & Record<'--im-field-lines', number | undefined> = {
            '--im-field-lines': fit[field]?.lines,
            visibility: isEditing ? 'hidden' : undefined,
          };
          const labelStyle: CSSProperties & Record<'--im-label-lines', number | undefined> = {
            '--im-label-lines': fit[field]?.label ?? undefined,
          };
          return (
            <div key={field} className="im-concept-field" data-field={field}>
              <dt style={labelStyle}>{t.canvas.conceptFields[field]}</dt>
              <dd
                data-field-text={field}
                dir="auto"
                style={style}
                // All of a field cut short, on a pointer's rest (a screen reader reads it whole).
                title={fit[field]?.cut ? words : undefined}
              >
                {words}
              </dd>
              {isEditing ? (
                <TextEditor
                  text={text}
                  origin={model.origin}
                  label={t.canvas.conceptFields[field]}
                  className="im-editor im-field-editor"
                  onDone={done(stop)}
                  onTab={tab(stop)}
                />
              ) : null}
            </div>
          );
        })}
      </dl>
    </>
  );
}
