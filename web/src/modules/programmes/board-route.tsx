import { useI18n } from '../../i18n/i18n.tsx';
import { ProgrammesBoard } from './board-page.tsx';
import { ProgrammesFrame } from './programmes-frame.tsx';

/** The staff's programmes board page. */
export function ProgrammesBoardPage() {
  const { t } = useI18n();
  return (
    <ProgrammesFrame heading={t.programmes.board.heading} access="staff">
      {(territory) => (
        <>
          <p className="lead">{t.programmes.board.intro}</p>
          <ProgrammesBoard territory={territory} />
        </>
      )}
    </ProgrammesFrame>
  );
}
