/** Landing, join, board chrome (toolbar, presence, connection state). */
export const app = {
  productName: 'Ideamill',
  language: 'Language',
  loading: 'Loading…',
};
