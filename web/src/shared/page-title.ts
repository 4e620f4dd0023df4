import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** Sets the document title (« Page – Totem »); each route names itself (RGAA 8.6). */
export function usePageTitle(title: string | null): void {
  const { t } = useI18n();
  useEffect(() => {
    if (title) document.title = `${title} – ${t.site.titleSuffix}`;
  }, [title, t]);
}
