/**
 * Editing a concept in the outline: its name (the card's title) and its fields as labelled text
 * fields, saved and cancelled like a note's text (Save, Ctrl/⌘+Enter; Cancel, Escape). The Name
 * field is offered only where it has words, as the card shows it (shownConceptFields).
 */
import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from 'react';
import { type Doc, Map as YMap } from 'yjs';
import {
  CONCEPT_FIELDS,
  type ConceptField,
  type Item,
  itemsOf,
  shownConceptFields,
} from '../../../shared/board-document.ts';
import { useT } from '../i18n/i18n.tsx';
import { EditActions } from './EditActions.tsx';
import { saveConcept } from './outline-model.ts';
import { TextEdit } from './text-edit.ts';

type Concept = Extract<Item, { type: 'concept' }>;
type FieldValues = Record<ConceptField, string>;

export interface ConceptEditFormProps {
  item: Concept;
  doc: Doc;
  label: string;
  /** The board closed to my changes while the form was open (EditActions.tsx). */
  closed: boolean;
  onDone: (saved: boolean) => void;
}

export function ConceptEditForm({ item, doc, label, closed, onDone }: ConceptEditFormProps) {
  const t = useT();
  const id = useId();
  // What the form opened with: only what the person changed from it is written back, past
  // what others change meanwhile (text-edit.ts).
  const [initial] = useState(() => {
    const texts = itemsOf(doc).get(item.id)?.get('fields');
    const edits = Object.fromEntries(
      CONCEPT_FIELDS.map((field) => [
        field,
        new TextEdit(texts instanceof YMap ? texts.get(field) : undefined),
      ]),
    ) as Record<ConceptField, TextEdit>;
    // Which fields are offered is settled as the form opens: a Name field emptied while it is
    // written stays in the form.
    return { title: item.title, edits, shown: shownConceptFields(item) };
  });
  useEffect(
    () => () => {
      for (const edit of Object.values(initial.edits)) edit.end();
    },
    [initial],
  );
  const [title, setTitle] = useState(initial.title);
  const [fields, setFields] = useState(
    () =>
      Object.fromEntries(
        CONCEPT_FIELDS.map((field) => [field, initial.edits[field].initial]),
      ) as FieldValues,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (closed) return;
    const changed = CONCEPT_FIELDS.filter(
      (field) => fields[field] !== initial.edits[field].initial,
    );
    saveConcept(doc, item.id, {
      title: title !== initial.title ? title : undefined,
      fields: Object.fromEntries(
        changed.map((field) => [field, { edit: initial.edits[field], typed: fields[field] }]),
      ),
    });
    onDone(true);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onDone(false);
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  };

  return (
    <form
      className="ol-edit ol-concept-edit"
      onSubmit={submit}
      aria-label={t.outline.editLabel(label)}
    >
      <label htmlFor={`${id}-title`}>{t.canvas.conceptName}</label>
      <input
        id={`${id}-title`}
        value={title}
        // biome-ignore lint/a11y/noAutofocus: the person asked to edit this concept just now
        autoFocus
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {initial.shown.map((field) => (
        <div key={field} className="ol-concept-field">
          <label htmlFor={`${id}-${field}`}>{t.canvas.conceptFields[field]}</label>
          <textarea
            id={`${id}-${field}`}
            value={fields[field]}
            onChange={(event) => setFields({ ...fields, [field]: event.target.value })}
            onKeyDown={onKeyDown}
          />
        </div>
      ))}
      <EditActions closed={closed} onCancel={() => onDone(false)} />
    </form>
  );
}
