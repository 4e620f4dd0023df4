import { useI18n } from '../../i18n/i18n.tsx';
import { SectionNav, TerritoryFrame, type TerritoryFrameProps } from '../../shared/territory-frame.tsx';
import { callsHref, isCallManager } from './calls.api.ts';

/** Who may see a page: anyone, a signed-in person, or the territory's staff. */
export type FrameAccess = 'public' | 'signed_in' | 'staff';

export type CallsFrameProps = Omit<TerritoryFrameProps, 'className' | 'access'> & { access?: FrameAccess };

/** A page of the calls module, in its territory (staff pages for those who manage calls). */
export function CallsFrame({ access = 'public', ...props }: CallsFrameProps) {
  const { t } = useI18n();
  return (
    <TerritoryFrame
      {...props}
      className="calls"
      access={access === 'staff' ? { mayEnter: isCallManager, forbidden: t.calls.staff.forbidden } : access}
    />
  );
}

/** The staff's navigation between the calls they manage and the portal. */
export function StaffNav({ slug, call }: { slug: string; call?: { ref: string; title: string } }) {
  const { t } = useI18n();
  const s = t.calls.staff;
  const links = [
    { href: callsHref.staff(slug), label: s.navCalls },
    ...(call
      ? [
          { href: callsHref.staffCall(slug, call.ref), label: s.navEditor(call.title) },
          { href: callsHref.staffApplications(slug, call.ref), label: s.navApplications },
        ]
      : []),
    { href: callsHref.list(slug), label: s.navPortal },
  ];
  return <SectionNav label={s.nav} links={links} />;
}
