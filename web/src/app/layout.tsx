import { type RefObject, useEffect, useRef } from 'react';
import { RouterProvider } from 'react-aria-components';
import { Outlet, useHref, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { Footer } from './footer.tsx';
import { Header } from './header.tsx';

/**
 * After a navigation inside the app, focus moves to the main content, so that keyboard and
 * screen-reader users start reading the new page instead of staying on the link they followed.
 */
function useFocusMainOnNavigation(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname, main]);
}

/** The page frame: skip link, banner, main content, footer; React Aria links use the router. */
export function Layout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigation(main);
  return (
    <RouterProvider navigate={(to, options) => navigate(to, options)} useHref={useHref}>
      <a href="#contenu" className="skip-link">
        {t.layout.skipToContent}
      </a>
      <Header />
      <main id="contenu" ref={main} tabIndex={-1} className="container site-main">
        <Outlet />
      </main>
      <Footer />
    </RouterProvider>
  );
}
