/**
 * The parts of the board page that are not needed to see the board (side panels, outline)
 * load as their own chunks, fetched right after the board shows, with the start page's: someone
 * who goes offline later can still open them, because the code is already here.
 */
import { lazy } from 'react';

const loadPanels = () => import('../workshop/WorkshopPanels.tsx');
const loadOutline = () => import('../outline/OutlineView.tsx');
const loadLeave = () => import('../workshop/LeaveDevice.tsx');
const loadInvite = () => import('../workshop/InviteDialog.tsx');
const loadDeviceLink = () => import('../workshop/DeviceLinkDialog.tsx');

export const WorkshopPanels = lazy(() =>
  loadPanels().then((module) => ({ default: module.WorkshopPanels })),
);
export const OutlineView = lazy(() =>
  loadOutline().then((module) => ({ default: module.OutlineView })),
);

export const LeaveDevice = lazy(() =>
  loadLeave().then((module) => ({ default: module.LeaveDevice })),
);

export const InviteDialog = lazy(() =>
  loadInvite().then((module) => ({ default: module.InviteDialog })),
);

export const DeviceLinkDialog = lazy(() =>
  loadDeviceLink().then((module) => ({ default: module.DeviceLinkDialog })),
);

export function preloadBoardParts(): void {
  // A failure here is not shown: the part's own boundary says so if it is ever opened.
  loadPanels().catch(() => {});
  loadOutline().catch(() => {});
  loadLeave().catch(() => {});
  loadInvite().catch(() => {});
  loadDeviceLink().catch(() => {});
  // The start page's part too: "Leave…" goes there, and offline it lists the boards kept here,
  // also in a browser that has only ever had a board's link.
  import('../app/LandingPage.tsx').catch(() => {});
}
