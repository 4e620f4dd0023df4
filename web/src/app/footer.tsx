import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../ui/index.ts';

/** The footer: what Totem is, the accessibility statement, the API documentation. */
export function Footer() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="container site-footer-inner">
        <p className="site-footer-about">
          <strong>{t.site.name}</strong> — {t.site.tagline}. {t.layout.footerAbout}
        </p>
        <ul className="site-footer-links">
          <li>
            <Link href="/accessibilite">{t.layout.accessibility}</Link>
          </li>
          <li>
            {/* The API documentation is served by the server, outside the web app. */}
            <a className="link" href="/api/docs">
              {t.layout.apiDocs}
            </a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
