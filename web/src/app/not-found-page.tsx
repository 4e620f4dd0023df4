import { useI18n } from '../i18n/i18n.tsx';
import { usePageTitle } from '../shared/page-title.ts';
import { Link } from '../ui/index.ts';

/** Any address the app does not know. */
export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t.notFound.title);
  return (
    <div>
      <h1>{t.notFound.title}</h1>
      <p className="lead">{t.notFound.body}</p>
      <Link href="/" variant="button">
        {t.common.backHome}
      </Link>
    </div>
  );
}
