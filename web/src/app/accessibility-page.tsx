import type { ReactNode } from 'react';
import { formatDate } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { StatementSection } from '../i18n/statement.fr.ts';
import { usePageTitle } from '../shared/page-title.ts';
import { site } from './site.ts';

function Section({ id, section, children }: { id: string; section: StatementSection; children?: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{section.heading}</h2>
      {section.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
      {section.items && (
        <ul>
          {section.items.map((item) => (
            <li key={item.text}>{item.href ? <a href={item.href}>{item.text}</a> : item.text}</li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}

/** The accessibility statement required by RGAA 4.1, written from the actual checks made. */
export function AccessibilityPage() {
  const { t, locale } = useI18n();
  const s = t.statement;
  usePageTitle(s.title);
  return (
    <article className="prose">
      <h1>{s.title}</h1>
      <p className="lead">{s.intro}</p>
      <Section id="a11y-status" section={s.status} />
      <Section id="a11y-results" section={s.results} />
      <Section id="a11y-limits" section={s.limits} />
      <Section id="a11y-method" section={s.method}>
        <p>{s.established(formatDate(`${site.statementDate}T12:00:00Z`, locale, 'Europe/Paris'))}</p>
      </Section>
      <Section id="a11y-contact" section={s.contact}>
        <p>
          {s.contactEmail} <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>
        </p>
      </Section>
      <Section id="a11y-recourse" section={s.recourse} />
    </article>
  );
}
