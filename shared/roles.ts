/** A member's role on one board decides what the server lets them do. */
export const ROLES = ['facilitator', 'participant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A person who joined a board with one of its keys. */
export interface Member {
  id: string;
  boardId: string;
  name: string;
  role: Role;
  color: string;
}

/** Colours handed to members in join order; each has AA contrast against white text. */
export const MEMBER_COLORS = [
  '#1f6feb',
  '#c2410c',
  '#047857',
  '#9333ea',
  '#b91c1c',
  '#0e7490',
  '#a16207',
  '#be185d',
  '#4d7c0f',
  '#4338ca',
  '#7c2d12',
  '#0f766e',
] as const;
