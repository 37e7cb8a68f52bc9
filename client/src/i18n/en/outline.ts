/** The outline view. */
export const outline = {
  title: 'Outline',
};
