import { Link, useLocation } from 'react-router';
import { footerLinks } from '../../lib/site-links.ts';
import { NewsletterForm } from './NewsletterForm.tsx';

export interface SocialLinkView {
  network: string;
  label: string;
  url: string;
}

export interface SiteFooterProps {
  name: string;
  tagline: string;
  social: SocialLinkView[];
  year: number;
}

export function SiteFooter({ name, tagline, social, year }: SiteFooterProps) {
  // The newsletter's own pages (sign-up, confirm, unsubscribe) have their form already: one per page.
  const onSignUpPage = useLocation().pathname.startsWith('/newsletter');
  return (
    <footer className="mt-16 border-t border-line bg-surface">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-2 lg:grid-cols-4">
        <div className="space-y-2 lg:col-span-2">
          <p className="text-lg font-bold text-gray-900">{name}</p>
          <p className="max-w-sm text-sm text-muted">{tagline}</p>
          {onSignUpPage ? null : (
            <div className="max-w-sm pt-4">
              <NewsletterForm compact />
            </div>
          )}
        </div>
        {footerLinks.map((group) => (
          <nav key={group.title} aria-labelledby={`footer-${group.id}`}>
            <h2 id={`footer-${group.id}`} className="text-sm font-semibold text-gray-900">
              {group.title}
            </h2>
            <ul className="mt-3 space-y-2 text-sm">
              {group.links.map((link) => (
                <li key={link.to}>
                  <Link to={link.to} className="text-muted underline hover:text-gray-900">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ))}
        {social.length > 0 ? (
          <nav aria-labelledby="footer-social">
            <h2 id="footer-social" className="text-sm font-semibold text-gray-900">
              Follow us
            </h2>
            <ul className="mt-3 space-y-2 text-sm">
              {social.map((s) => (
                <li key={s.network}>
                  <a href={s.url} rel="me noopener" className="text-muted underline hover:text-gray-900">
                    {s.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
      <div className="border-t border-line">
        <p className="mx-auto max-w-6xl px-4 py-4 text-sm text-muted">
          © {year} {name}. All prices in US dollars.
        </p>
      </div>
    </footer>
  );
}
