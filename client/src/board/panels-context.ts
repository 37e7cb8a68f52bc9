/**
 * Whether the workshop panels are in sight (beside the board on a wide screen, opened with the
 * Workshop button on a narrower one). The workshop banner reads it, so that lock and silent
 * writing are told once: by the panels while they show, else over the canvas or in the outline.
 */
import { createContext, useContext } from 'react';

export const PanelsOpenContext = createContext(false);

export function usePanelsOpen(): boolean {
  return useContext(PanelsOpenContext);
}
