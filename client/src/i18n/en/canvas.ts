/** The canvas: tools, items, selection, zoom. */
import { type ItemType, NEW_CONCEPT_TITLE } from '../../../../shared/board-document.ts';
import { CONCEPT_FIELD_LABELS } from '../../../../shared/concept-fields.ts';
import type { LeftOutReason, SelectionAction } from '../../canvas/model/canvas-state.ts';

export const canvas = {
  boardLabel: 'Board canvas',
  zoomToFit: 'Zoom to fit',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomPercent: (percent: number) => `${percent} %`,
  zoomLevel: (percent: number) => `Zoom ${percent} percent`,
  minimap: 'Board overview: click to move there',
  overview: 'Overview',
  tools: {
    label: 'Tools',
    select: 'Select',
    hand: 'Hand (pan)',
    note: 'Sticky note',
    text: 'Text',
    frame: 'Frame',
    concept: 'Concept card',
    pen: 'Pen',
    eraser: 'Eraser',
    connector: 'Connector',
  },
  withShortcut: (label: string, key: string) => `${label} (${key})`,
  undo: 'Undo',
  redo: 'Redo',
  help: 'Keyboard shortcuts',
  close: 'Close',
  selectionBar: 'Selected items',
  colour: 'Colour',
  colourName: (index: number) =>
    ['Yellow', 'Orange', 'Green', 'Blue', 'Pink', 'Grey'][index] ?? `Colour ${index + 1}`,
  duplicate: 'Duplicate',
  delete: 'Delete',
  cancel: 'Cancel',
  confirmDeleteFrame: (title: string) => `Delete the frame “${title}” for everyone?`,
  confirmDeleteFrames: (count: number) =>
    count === 1 ? 'Delete this frame for everyone?' : `Delete ${count} frames for everyone?`,
  confirmDeleteFramesBody: (frames: number, others: number) =>
    `${
      others > 0
        ? `The ${others === 1 ? 'other selected item goes' : `${others} other selected items go`} too; what else is in ${frames === 1 ? 'it' : 'them'} stays on the board.`
        : `What is in ${frames === 1 ? 'it' : 'them'} stays on the board, outside ${frames === 1 ? 'the frame' : 'the frames'}.`
    } Undo (Ctrl+Z) brings back what goes.`,
  bringForward: 'Bring to front',
  sendBackward: 'Send to back',
  readOnly: 'View only',
  privateNote: 'Private',
  privateHint: 'Only you see this until the facilitator reveals the notes',
  untitled: 'Untitled',
  resize: 'Resize',
  pinned: 'Pinned',
  pinnedHint: 'Pinned: only a facilitator can move or change it',
  pin: 'Pin',
  unpin: 'Unpin',
  pinHint: 'Fix in place: only facilitators can move, change or delete it',
  unpinHint: 'Let everyone move, change and delete it again',
  /** What an action on the selection left out: the shared board is read-only to me, or pinned. */
  leftOut: (action: SelectionAction, count: number, why: LeftOutReason) =>
    `${count} ${why === 'pinned' ? 'pinned' : 'shared'} ${count === 1 ? 'item was' : 'items were'} not ${
      {
        move: 'moved',
        delete: 'deleted',
        duplicate: 'copied',
        bringForward: 'brought forward',
        sendBackward: 'sent backward',
      }[action]
    }: ${
      why === 'pinned'
        ? 'only a facilitator can change pinned items'
        : `the shared board is read-only${why === 'until-reveal' ? ' until the facilitator reveals the notes' : ''}`
    }.`,
  deletedWhileEditing: (type: ItemType | null) =>
    `Someone else, or you in another window, deleted the ${
      type
        ? {
            note: 'note',
            text: 'text',
            frame: 'frame',
            concept: 'concept card',
            stroke: 'drawing',
            connector: 'connector',
          }[type]
        : 'item'
    } you were editing.`,
  /**
   * The board closed to me while I typed in an item (journey QA: silent writing cut a sentence
   * off): what stopped, then what I had written, to copy.
   */
  editingStopped: (why: 'locked' | 'silent'): string =>
    why === 'silent'
      ? 'Silent writing began, so the shared board is read-only to you until the facilitator reveals the notes: your editing stopped.'
      : 'The facilitator locked the board: your editing stopped.',
  keptWords: 'What you were writing, to copy (the board may not have all of it):',
  copyKeptWords: 'Copy what you were writing',
  closeNotice: 'Close',
  /** Delete on the item the keyboard is on (where it went after a delete), not selected. */
  nothingSelected: 'Nothing is selected, so nothing was deleted. Enter selects the item in focus.',
  itemType: {
    note: 'Note',
    text: 'Text',
    frame: 'Frame',
    concept: 'Concept card',
    stroke: 'Drawing',
    connector: 'Connector',
  } satisfies Record<ItemType, string>,
  itemLabel: (type: string, text: string) => (text ? `${type}: ${text}` : type),
  editText: 'Edit text',
  editTitle: 'Edit title',
  newFrame: 'Frame',
  newConcept: NEW_CONCEPT_TITLE.en,
  /** A concept card's title: its name (the Name field shows only where it has words). */
  conceptName: 'Concept name',
  conceptFields: CONCEPT_FIELD_LABELS.en,
  cursorOf: (name: string) => `${name}'s pointer`,
  shortcuts: {
    title: 'Keyboard shortcuts',
    /** On a touch screen, where the list starts with the finger's ways. */
    touchTitle: 'How to use the board',
    groups: {
      touch: 'With a finger',
      tools: 'Tools',
      edit: 'Editing',
      view: 'View',
      keyboard: 'Moving around with the keyboard',
    },
    rows: {
      touchCreate:
        'Tap a tool (note, text, frame, concept card), then tap the board: a new one there, ready to write in',
      touchEdit:
        'Double-tap a note or card: write in it · double-tap empty board: a new note there',
      touchMove:
        'Tap an item to select it, then drag it to move it · the buttons that come with it: colour, duplicate, delete · tap empty board to let go of it',
      touchView: 'One finger on empty board: move around · two fingers: zoom in or out',
      touchOutline:
        'Outline, at the top: the whole board as a list, to add notes, edit them and vote',
      tools:
        'V select · H hand · N note · T text · F frame · C concept · P pen · E eraser · L connector',
      doubleClick:
        'Double-click empty board: new note there · with the frame tool, drag to size the frame',
      multi:
        'Shift+click: add to selection · drag on empty board: select an area · Ctrl/⌘+A: select all',
      undo: 'Ctrl/⌘+Z undo · Ctrl/⌘+Shift+Z or Ctrl+Y redo',
      clipboard: 'Ctrl/⌘+C copy · Ctrl/⌘+V paste · Ctrl/⌘+D duplicate',
      remove:
        'Delete or Backspace: delete the selection · the keyboard then moves to the nearest item without selecting it, so Delete again deletes nothing',
      order: ']: bring to front · [: send to back',
      pan: 'Wheel or two fingers on a touchpad: pan · Space+drag or middle button: pan',
      zoom: 'Ctrl/⌘+wheel or pinch: zoom at the pointer · Shift+1: zoom to fit · + / −: zoom',
      tab: 'Tab / Shift+Tab: next or previous item in reading order (frame by frame, row by row) · arrow keys: nearest item in that direction',
      nudge: 'Alt+arrow: move the selection 10 units (Alt+Shift+arrow: 1 unit)',
      create:
        'N, T, F or C, then Enter: a new note, text, frame or concept card beside the selected item (with nothing selected, in the middle of the view) · Enter on a tool in the tool bar does the same',
      enter:
        'Enter: select the focused item, Enter again: edit it · Escape: call off a drag, stop editing, then clear the selection',
      conceptCard:
        'Editing a concept card: Tab / Shift+Tab: next or previous field (the name first) · past the last field, back to the card',
      help: '?: this list',
    },
  },
};
