/** The side panels of the board page: facilitation, voting, follow-ups, history, export. */
export function WorkshopPanels() {
  return null;
}
