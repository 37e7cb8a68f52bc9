/**
 * A concept card: its title and the eight structured fields, each its own live Y.Text. While
 * one is edited, Tab and Shift+Tab move to the next or previous one, so a keyboard fills the
 * whole card after one Enter; past either end the card itself has focus again.
 */
import { useLayoutEffect } from 'react';
import * as Y from 'yjs';
import { CONCEPT_FIELDS, type Item, type ItemMap } from '../../../../shared/board-document.ts';
import { useCanvas } from '../canvas-context.ts';
import { makeTextEditable } from '../model/edit-actions.ts';
import { FrameTitle } from './FrameTitle.tsx';
import { TextEditor } from './TextEditor.tsx';

type Concept = Extract<Item, { type: 'concept' }>;

export interface ConceptBodyProps {
  item: Concept;
  map: ItemMap;
  editing: string | null;
  onDone: (how: 'keyboard' | 'blur') => void;
}

export function ConceptBody({ item, map, editing, onDone }: ConceptBodyProps) {
  const { t, model, state } = useCanvas();
  const fields = map.get('fields');
  const textOf = (field: string) => (fields instanceof Y.Map ? fields.get(field) : undefined);
  // The editing stops in reading order. A field a foreign client left out, or wrote as a plain
  // string, becomes live text as its editing starts.
  const stops = ['title', ...CONCEPT_FIELDS.map((f) => `field:${f}`)];
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
      />
      <dl className="im-concept-fields">
        {CONCEPT_FIELDS.map((field) => {
          const text = textOf(field);
          const stop = `field:${field}`;
          const isEditing = editing === stop && text instanceof Y.Text;
          return (
            <div key={field} className="im-concept-field" data-field={field}>
              <dt>{t.canvas.conceptFields[field]}</dt>
              <dd
                data-field-text={field}
                dir="auto"
                style={isEditing ? { visibility: 'hidden' } : undefined}
              >
                {item.fields[field] ?? ''}
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
