import { useI18n } from '../../i18n/i18n.tsx';
import { SectionNav, TerritoryFrame, type TerritoryFrameProps } from '../../shared/territory-frame.tsx';
import { isPlaceManager } from './places.api.ts';

/** Who may see a page: anyone, a signed-in person, or the territory's place managers. */
export type FrameAccess = 'public' | 'signed_in' | 'manager';

export type PlacesFrameProps = Omit<TerritoryFrameProps, 'className' | 'access'> & { access?: FrameAccess };

/** A page of the places module, in its territory (managers' pages for those who run the places). */
export function PlacesFrame({ access = 'public', ...props }: PlacesFrameProps) {
  const { t } = useI18n();
  return (
    <TerritoryFrame
      {...props}
      className="places"
      access={access === 'manager' ? { mayEnter: isPlaceManager, forbidden: t.places.manage.forbidden } : access}
    />
  );
}

/** The managers' navigation between the bookings list, the planner, occupancy and the trainings. */
export function ManagerNav({ slug }: { slug: string }) {
  const { t } = useI18n();
  const m = t.places.manage;
  const base = `/t/${slug}/gestion/lieux`;
  const links = [
    { href: base, label: m.bookings },
    { href: `${base}/planning`, label: m.planner },
    { href: `${base}/occupation`, label: t.places.occupancy.nav },
    { href: `${base}/formations`, label: t.places.trainingsManage.nav },
    { href: `/t/${slug}/lieux`, label: m.portal },
  ];
  return <SectionNav label={m.nav} links={links} />;
}
