/**
 * A concept card: its title and the eight structured fields, each its own live Y.Text. While
 * one is edited, Tab and Shift+Tab move to the next or previous one, so a keyboard fills the
 * whole card after one Enter; past either end the card itself has focus again.
 */
import * as Y from 'yjs';
import { CONCEPT_FIELDS, type Item, type ItemMap } from '../../../../shared/board-document.ts';
import { useCanvas } from '../canvas-context.ts';
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
  // The editing stops in reading order; a field a foreign client left out has no editor.
  const stops = [
    'title',
    ...CONCEPT_FIELDS.filter((field) => textOf(field) instanceof Y.Text).map((f) => `field:${f}`),
  ];
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
              <dd data-field-text={field} style={isEditing ? { visibility: 'hidden' } : undefined}>
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
