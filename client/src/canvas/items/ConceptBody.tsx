/** A concept card: its title and the eight structured fields, each its own live Y.Text. */
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
  const { t, model } = useCanvas();
  const fields = map.get('fields');
  return (
    <>
      <FrameTitle
        map={map}
        title={item.title}
        editing={editing === 'title'}
        onDone={onDone}
        className="im-concept-title"
      />
      <dl className="im-concept-fields">
        {CONCEPT_FIELDS.map((field) => {
          const text = fields instanceof Y.Map ? fields.get(field) : undefined;
          const isEditing = editing === `field:${field}` && text instanceof Y.Text;
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
                  onDone={onDone}
                />
              ) : null}
            </div>
          );
        })}
      </dl>
    </>
  );
}
