/**
 * Board templates, written into a new board's document when it is created.
 * Labels come in Finnish and English; the board's language picks one. The labels and frames a
 * template lays out are pinned (board-document.ts isPinned): the scaffolding stays put while
 * people work on it; what they fill in (the canvas's concept card) is not.
 */
import * as Y from 'yjs';
import { addItem, itemsOf, metaOf, NEW_CONCEPT_TITLE, SCHEMA_VERSION } from './board-document.ts';

export const TEMPLATES = [
  'blank',
  'customer-journey',
  'concept-canvas',
  'idea-mill',
  'retrospective',
] as const;
export type Template = (typeof TEMPLATES)[number];
type Language = 'en' | 'fi';

const LABELS = {
  en: {
    journey: 'Customer journey',
    stages: [
      'Need arises',
      'Finding the service',
      'First contact',
      'Using the service',
      'Afterwards',
    ],
    lanes: [
      'People',
      'Environments (virtual and physical)',
      'Objects',
      'Practices',
      "Customer's feelings",
    ],
    canvas: 'Service concept',
    concept: NEW_CONCEPT_TITLE.en,
    mill: ['Topic 1', 'Topic 2', 'Topic 3', 'Topic 4'],
    retro: ['Went well', 'To improve', 'Ideas', 'Actions'],
  },
  fi: {
    journey: 'Asiakkaan palvelupolku',
    stages: [
      'Tarve herää',
      'Palvelun löytäminen',
      'Ensikontakti',
      'Palvelun käyttö',
      'Palvelun jälkeen',
    ],
    lanes: [
      'Ihmiset',
      'Ympäristöt (virtuaaliset ja fyysiset)',
      'Esineet',
      'Toimintatavat',
      'Asiakkaan tunteet',
    ],
    canvas: 'Palvelukonsepti',
    concept: NEW_CONCEPT_TITLE.fi,
    mill: ['Aihe 1', 'Aihe 2', 'Aihe 3', 'Aihe 4'],
    retro: ['Meni hyvin', 'Kehitettävää', 'Ideoita', 'Toimenpiteet'],
  },
} as const;

const STAGE_WIDTH = 320;
const LANE_HEIGHT = 240;
const LABEL_WIDTH = 220;

function customerJourney(doc: Y.Doc, language: Language): void {
  const labels = LABELS[language];
  const width = LABEL_WIDTH + labels.stages.length * STAGE_WIDTH;
  addItem(doc, {
    type: 'text',
    x: 0,
    y: -140,
    w: width,
    h: 60,
    text: labels.journey,
    pinned: true,
  });
  labels.stages.forEach((stage, i) => {
    addItem(doc, {
      type: 'text',
      x: LABEL_WIDTH + i * STAGE_WIDTH,
      y: -70,
      w: STAGE_WIDTH,
      h: 60,
      text: stage,
      pinned: true,
    });
  });
  // Each lane is divided where the stages meet: the stages read as columns down the lanes.
  const columns = labels.stages.map((_, i) => LABEL_WIDTH + i * STAGE_WIDTH);
  labels.lanes.forEach((lane, i) => {
    addItem(doc, {
      type: 'frame',
      x: 0,
      y: i * LANE_HEIGHT,
      w: width,
      h: LANE_HEIGHT,
      title: lane,
      columns,
      color: i === labels.lanes.length - 1 ? '#fff0f3' : '#f8f9fa',
      pinned: true,
    });
  });
}

function conceptCanvas(doc: Y.Doc, language: Language): void {
  const labels = LABELS[language];
  const frame = addItem(doc, {
    type: 'frame',
    x: 0,
    y: 0,
    w: 520,
    h: 680,
    title: labels.canvas,
    pinned: true,
  });
  addItem(doc, { type: 'concept', x: 50, y: 70, parent: frame, title: labels.concept });
}

function frameRow(doc: Y.Doc, titles: readonly string[]): void {
  titles.forEach((title, i) => {
    addItem(doc, { type: 'frame', x: i * 700, y: 0, w: 640, h: 800, title, pinned: true });
  });
}

/** Writes meta and the template's frames into an empty document, in one transaction. */
export function applyTemplate(doc: Y.Doc, template: Template, language: Language): void {
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('template', template);
    meta.set('language', language);
    switch (template) {
      case 'blank':
        return;
      case 'customer-journey':
        return customerJourney(doc, language);
      case 'concept-canvas':
        return conceptCanvas(doc, language);
      case 'idea-mill':
        return frameRow(doc, LABELS[language].mill);
      case 'retrospective':
        return frameRow(doc, LABELS[language].retro);
    }
  });
}

/** A template's labels by where they go, in one order for both languages. */
function labelsOf(language: Language) {
  const labels = LABELS[language];
  return {
    texts: [labels.journey, ...labels.stages],
    frames: [...labels.lanes, labels.canvas, ...labels.mill, ...labels.retro],
    concepts: [labels.concept],
  };
}

/**
 * The board's template labels in `to` where they read as the template wrote them in `from`: a
 * journey's title and stage headings (pinned text), its lanes and the other templates' frames
 * (pinned frame titles), and a concept card still called "New service concept". A label someone
 * changed is theirs, and stays. Sets the document's meta language too. Returns how many labels
 * changed. For a board made in the wrong language (QA: an English-speaking team's board of a
 * day's team boards, all made in Finnish).
 */
export function relabelTemplate(doc: Y.Doc, from: Language, to: Language): number {
  const before = labelsOf(from);
  const after = labelsOf(to);
  const table = (key: keyof typeof before) =>
    new Map(before[key].map((label, i) => [label as string, after[key][i] as string]));
  const texts = table('texts');
  const frames = table('frames');
  const concepts = table('concepts');
  let changed = 0;
  doc.transact(() => {
    for (const item of itemsOf(doc).values()) {
      if (!(item instanceof Y.Map)) continue;
      const type = item.get('type');
      const pinned = item.get('pinned') === true;
      if (type === 'text' && pinned) {
        const text = item.get('text');
        const now = text instanceof Y.Text ? texts.get(text.toString()) : undefined;
        if (text instanceof Y.Text && now !== undefined) {
          text.delete(0, text.length);
          text.insert(0, now);
          changed++;
        }
        continue;
      }
      const names = type === 'frame' && pinned ? frames : type === 'concept' ? concepts : null;
      const title = item.get('title');
      const now = names && typeof title === 'string' ? names.get(title) : undefined;
      if (now !== undefined) {
        item.set('title', now);
        changed++;
      }
    }
    metaOf(doc).set('language', to);
  });
  return changed;
}
