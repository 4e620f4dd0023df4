import { useI18n } from '../../i18n/i18n.tsx';
import { TerritoryFrame, type TerritoryFrameProps } from '../../shared/territory-frame.tsx';
import { runsProgrammes } from './programmes.api.ts';

export type ProgrammesFrameProps = Omit<TerritoryFrameProps, 'className' | 'access' | 'nav'> & {
  /** `staff`: the territory's admins and staff only. */
  access?: 'public' | 'staff';
};

/** A page of the programmes module, in its territory (staff pages for those who run programmes). */
export function ProgrammesFrame({ access = 'public', ...props }: ProgrammesFrameProps) {
  const { t } = useI18n();
  return (
    <TerritoryFrame
      {...props}
      className="programmes"
      access={access === 'staff' ? { mayEnter: runsProgrammes, forbidden: t.programmes.board.forbidden } : access}
    />
  );
}
