/** The canvas: tools, items, selection, zoom. */
export const canvas = {
  zoomToFit: 'Zoom to fit',
};
