/** The side panels of the board page: facilitation, voting, follow-ups, history, export. */
import './workshop.css';
import './panel-lists.css';
import { useState } from 'react';
import { useBoardSession } from '../board/board-session.ts';
import { errorSentence } from '../i18n/error-sentence.ts';
import { useT } from '../i18n/i18n.tsx';
import { FacilitatorPanel } from './FacilitatorPanel.tsx';
import { FollowUpPanel } from './FollowUpPanel.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { type TabSpec, Tabs } from './Tabs.tsx';
import { useUnseenMine } from './use-unseen-mine.ts';
import { useWorkshop } from './use-workshop.ts';
import { VotingPanel } from './VotingPanel.tsx';
import { WorkshopAnnouncer } from './WorkshopAnnouncer.tsx';
import { WorkshopBanner } from './WorkshopBanner.tsx';

export function WorkshopError() {
  const t = useT();
  const [state, store] = useWorkshop();
  if (!state.error) return null;
  return (
    <div role="alert" className="wk-error">
      <span>{errorSentence(t, state.error)}</span>
      <button type="button" className="wk-small" onClick={() => store.clearError()}>
        {t.workshop.dismiss}
      </button>
    </div>
  );
}

export function WorkshopPanels() {
  const t = useT();
  const session = useBoardSession();
  const isFacilitator = session.me.role === 'facilitator';
  const [selected, setSelected] = useState(isFacilitator ? 'facilitate' : 'voting');
  const unseenMine = useUnseenMine(selected === 'followUps');
  const tabs: TabSpec[] = [
    ...(isFacilitator
      ? [
          {
            id: 'facilitate',
            label: t.workshop.tabs.facilitate,
            render: () => <FacilitatorPanel />,
          },
        ]
      : []),
    { id: 'voting', label: t.workshop.tabs.voting, render: () => <VotingPanel /> },
    {
      id: 'followUps',
      label: unseenMine > 0 ? t.workshop.tabs.followUpsNew(unseenMine) : t.workshop.tabs.followUps,
      render: () => <FollowUpPanel />,
    },
    { id: 'history', label: t.workshop.tabs.history, render: () => <HistoryPanel /> },
  ];
  return (
    <section
      className="wk-panels"
      aria-label={t.workshop.panelsLabel}
      data-testid="workshop-panels"
    >
      <WorkshopBanner />
      <WorkshopError />
      {/* Mounted whatever the view and whether the panels show: it speaks from <body>. */}
      <WorkshopAnnouncer />
      <Tabs tabs={tabs} selected={selected} onSelect={setSelected} label={t.workshop.panelsLabel} />
    </section>
  );
}

// React.lazy() wants a default export.
export default WorkshopPanels;
