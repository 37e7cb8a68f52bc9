/** Small line icons for the tool bar; decorative, the buttons carry the labels. */
import type { Tool } from '../model/canvas-state.ts';

const PATHS: Record<Tool | 'undo' | 'redo', string> = {
  select: 'M5 3 L5 19 L9.5 14.5 L12.5 21 L15 20 L12 13.5 L18 13.5 Z',
  hand: 'M8 12 V5 a1.5 1.5 0 0 1 3 0 V11 V4 a1.5 1.5 0 0 1 3 0 V11 V5.5 a1.5 1.5 0 0 1 3 0 V14 c0 4 -2.5 7 -6 7 c-3 0 -4.5 -1.5 -6 -4 L3.5 13 a1.5 1.5 0 0 1 2.5 -1.5 Z',
  note: 'M4 4 H20 V14 L14 20 H4 Z M14 20 V14 H20',
  text: 'M5 5 H19 M12 5 V20 M9 20 H15',
  frame: 'M7 3 V21 M17 3 V21 M3 7 H21 M3 17 H21',
  concept: 'M4 3 H20 V21 H4 Z M7 7 H17 M7 11 H17 M7 15 H13',
  pen: 'M4 20 L5 15 L16 4 L20 8 L9 19 Z M14 6 L18 10',
  eraser: 'M4 16 L13 7 L19 13 L13 19 H8 Z M8 19 H20 M9 11 L15 17',
  connector: 'M5 19 L19 5 M13 5 H19 V11 M3 17 a2 2 0 1 0 4 4 a2 2 0 1 0 -4 -4',
  undo: 'M9 7 L4 12 L9 17 M4 12 H15 a5 5 0 0 1 0 10 H11',
  redo: 'M15 7 L20 12 L15 17 M20 12 H9 a5 5 0 0 0 0 10 H13',
};

export function ToolIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
