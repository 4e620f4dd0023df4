import { useI18n } from '../i18n/i18n.tsx';
import { TerritorySwitcher } from '../modules/territories/index.ts';
import { Link } from '../ui/index.ts';
import { AccountArea } from './account-area.tsx';
import { LanguageSwitch } from './language-switch.tsx';

function Logo() {
  return (
    <svg className="logo-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#0b5563" />
      <rect x="10" y="5" width="12" height="6" rx="2" fill="#f4b942" />
      <rect x="8" y="13" width="16" height="6" rx="2" fill="#fff" />
      <rect x="11" y="21" width="10" height="6" rx="2" fill="#9fd8df" />
    </svg>
  );
}

/** The banner: site name, territory switcher, language switch and account. */
export function Header() {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="container site-header-inner">
        <Link href="/" variant="quiet" className="brand" aria-label={t.layout.homeLink}>
          <Logo />
          <span className="brand-name">{t.site.name}</span>
        </Link>
        <nav aria-label={t.layout.mainNav} className="site-nav">
          <TerritorySwitcher />
        </nav>
        <div className="site-tools">
          <LanguageSwitch />
          <AccountArea />
        </div>
      </div>
    </header>
  );
}
