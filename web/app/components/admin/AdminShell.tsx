/**
 * The back office's frame: a top bar (menu button on phones, who is signed in, sign out) and a navigation
 * that is a sidebar on wide screens and folds away on phones. A link some roles may not use (web/app/lib/admin-pages.ts) is not shown to
 * them; the questions link carries how many questions wait for an answer and the security link how many
 * security events wait for review. An owner who must still enrol a second factor sees no links: nothing but
 * enrolment answers them yet.
 */
import { useQuery } from '@tanstack/react-query';
import { type ComponentType, type ReactNode, type SVGProps, useEffect, useId, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import type { Staff } from '../../lib/admin-api.ts';
import { mayOpenPage as mayFollow } from '../../lib/admin-pages.ts';
import { questionKeys, unansweredQuestions } from '../../lib/admin-questions-api.ts';
import { securityKeys, unreviewedSecurityEvents } from '../../lib/admin-security-api.ts';
import { Icon } from '../icons.tsx';
import { Button } from '../ui/Button.tsx';
import { cx } from '../ui/cx.ts';
import { BoxIcon, CloseIcon, GaugeIcon, MailIcon, MenuIcon, ReceiptIcon, StoreIcon } from './icons.tsx';

interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  end?: boolean;
}

const navItems: NavItem[] = [
  { to: '/admin', label: 'Dashboard', icon: GaugeIcon, end: true },
  { to: '/admin/orders', label: 'Orders', icon: ReceiptIcon },
  { to: '/admin/cases', label: 'Cases', icon: LifebuoyIcon },
  { to: '/admin/questions', label: 'Questions', icon: QuestionIcon },
  // `end`: the playground's address starts with the policy's, and only one entry is the current page.
  { to: '/admin/policy', label: 'After-sales policy', icon: ScaleIcon, end: true },
  { to: '/admin/policy/playground', label: 'Policy playground', icon: FlaskIcon },
  { to: '/admin/numbers', label: 'After-sales numbers', icon: ChartIcon },
  { to: '/admin/products', label: 'Products', icon: BoxIcon },
  { to: '/admin/mail', label: 'Mail outbox', icon: MailIcon },
  { to: '/admin/newsletter', label: 'Newsletter', icon: MailIcon },
  { to: '/admin/settings', label: 'Settings', icon: SlidersIcon },
  { to: '/admin/security-events', label: 'Security events', icon: ShieldIcon },
  { to: '/admin/staff', label: 'Staff', icon: PeopleIcon },
  { to: '/admin/maintenance-access', label: 'Maintenance access', icon: WrenchIcon },
  { to: '/admin/audit-log', label: 'Audit log', icon: LedgerIcon },
  { to: '/admin/jobs', label: 'Background jobs', icon: ClockIcon },
  { to: '/admin/account', label: 'Your account', icon: KeyIcon },
];

function ClockIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </Icon>
  );
}

function ShieldIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <path d="M12 3 5 6v5c0 4.5 3 8.5 7 10 4-1.5 7-5.5 7-10V6z" />
      <path d="m9 12 2 2 4-4" />
    </Icon>
  );
}

function WrenchIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <path d="M14.5 6.5a4 4 0 0 0 5 5L12 19a2.1 2.1 0 0 1-3-3z" />
      <path d="M14.5 6.5 17 4a4 4 0 0 1 3 3l-2.5 2.5" />
    </Icon>
  );
}

function LedgerIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <path d="M5 3h11l3 3v15H5z" />
      <path d="M8 9h8M8 13h8M8 17h5" />
    </Icon>
  );
}

function PeopleIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M16 4.5a3.5 3.5 0 0 1 0 7M18 14c2 .8 3 3 3 6" />
    </Icon>
  );
}

function LifebuoyIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <circle cx="12" cy="12" r="9" />
      <circle cx="12" cy="12" r="4" />
      <path d="m5.6 5.6 3.6 3.6M14.8 14.8l3.6 3.6M18.4 5.6l-3.6 3.6M9.2 14.8l-3.6 3.6" />
    </Icon>
  );
}

function QuestionIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <path d="M4 5h16v11H9l-5 4z" />
      <path d="M10 9a2 2 0 1 1 2.5 1.9c-.3.1-.5.4-.5.7v.4M12 14h.01" />
    </Icon>
  );
}

function ChartIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <path d="M4 20h16M7 16v-5M12 16V6M17 16v-8" />
    </Icon>
  );
}

function FlaskIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <path d="M9 3h6M10 3v6l-5.5 9.5A1.7 1.7 0 0 0 6 21h12a1.7 1.7 0 0 0 1.5-2.5L14 9V3M7.5 15h9" />
    </Icon>
  );
}

function ScaleIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <path d="M12 3v18M7 21h10M4 7h16M4 7l-2.5 6a3 3 0 0 0 5 0L4 7ZM20 7l-2.5 6a3 3 0 0 0 5 0L20 7Z" />
    </Icon>
  );
}

function KeyIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <circle cx="8" cy="15" r="4" />
      <path d="M10.8 12.2 20 3M16 7l3 3M14 9l2 2" />
    </Icon>
  );
}

function SlidersIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <Icon {...props}>
      <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
      <circle cx="15" cy="6" r="2" />
      <circle cx="9" cy="12" r="2" />
      <circle cx="17" cy="18" r="2" />
    </Icon>
  );
}

const roleLabels: Record<Staff['role'], string> = {
  owner: 'Owner',
  customer_service: 'Customer service',
  technician: 'Technician',
};

export interface AdminShellProps {
  /** Unknown while the session is being checked. */
  staff: Staff | null;
  onSignOut: () => void;
  signingOut?: boolean;
  children: ReactNode;
}

export function AdminShell({ staff, onSignOut, signingOut = false, children }: AdminShellProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  const location = useLocation();

  // A link followed from the folded menu closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation on purpose
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const enrolled = staff !== null && !staff.enrolmentRequired;
  const mayAnswer = enrolled && mayFollow('/admin/questions', staff.role);
  const mayReview = enrolled && mayFollow('/admin/security-events', staff.role);
  // The count beside "Security events", as the questions' below.
  const unreviewed = useQuery({
    queryKey: securityKeys.summary,
    queryFn: unreviewedSecurityEvents,
    enabled: mayReview,
    refetchInterval: 60_000,
  });
  // The count beside "Questions": asked again every minute and after each answer (the page invalidates it).
  const waiting = useQuery({
    queryKey: questionKeys.summary,
    queryFn: unansweredQuestions,
    enabled: mayAnswer,
    refetchInterval: 60_000,
  });
  const items = navItems.filter((item) => enrolled && staff !== null && mayFollow(item.to, staff.role));

  return (
    <div data-admin-shell="" className="flex flex-col gap-4 lg:gap-6">
      <div className="flex items-center justify-between gap-3 rounded-xl border border-line bg-surface px-3 py-2 sm:px-4">
        <div className="flex items-center gap-2">
          <button
            type="button"
            className="flex min-h-11 items-center gap-2 rounded-lg px-2 font-semibold text-gray-900 hover:bg-gray-100 lg:hidden"
            aria-expanded={menuOpen}
            aria-controls={navId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? <CloseIcon className="size-6" /> : <MenuIcon className="size-6" />}
            <span>Menu</span>
          </button>
          <Link
            to="/admin"
            className="hidden rounded-md px-1 text-lg font-bold tracking-tight text-gray-900 no-underline lg:inline"
          >
            Back office
          </Link>
        </div>
        <div className="flex min-w-0 items-center gap-3">
          {staff ? (
            <Link
              to="/admin/account"
              title="Your account: change your password"
              className="min-w-0 truncate rounded-md px-1 text-right text-sm leading-tight no-underline hover:underline"
            >
              <span className="font-semibold text-gray-900">{staff.name}</span>
              <span className="hidden text-muted sm:inline"> · {roleLabels[staff.role]}</span>
            </Link>
          ) : null}
          <Button variant="secondary" size="sm" onClick={onSignOut} busy={signingOut} disabled={!staff}>
            Sign out
          </Button>
        </div>
      </div>

      <div className="lg:grid lg:grid-cols-[13rem_minmax(0,1fr)] lg:items-start lg:gap-6">
        <nav
          id={navId}
          aria-label="Back office"
          className={cx(
            'mb-4 rounded-xl border border-line bg-surface p-2 lg:sticky lg:top-4 lg:mb-0 lg:block',
            menuOpen ? 'block' : 'hidden',
          )}
        >
          <ul className="flex flex-col gap-1">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.end}
                  className={({ isActive }) =>
                    cx(
                      'flex min-h-11 items-center gap-3 rounded-lg px-3 font-medium no-underline',
                      isActive
                        ? 'bg-primary text-on-primary'
                        : 'text-gray-800 hover:bg-gray-100 hover:text-gray-950',
                    )
                  }
                >
                  {({ isActive }) => (
                    <>
                      <item.icon className="size-5 shrink-0" />
                      {item.label}
                      {item.to === '/admin/questions' && waiting.data ? (
                        <span
                          className={cx(
                            'ml-auto rounded-full px-2 py-0.5 text-xs font-semibold',
                            isActive ? 'bg-white text-primary-ink' : 'bg-amber-100 text-amber-900',
                          )}
                        >
                          {waiting.data}
                          <span className="sr-only"> waiting for an answer</span>
                        </span>
                      ) : null}
                      {item.to === '/admin/security-events' && unreviewed.data ? (
                        <span
                          className={cx(
                            'ml-auto rounded-full px-2 py-0.5 text-xs font-semibold',
                            isActive ? 'bg-white text-primary-ink' : 'bg-amber-100 text-amber-900',
                          )}
                        >
                          {unreviewed.data}
                          <span className="sr-only"> to review</span>
                        </span>
                      ) : null}
                    </>
                  )}
                </NavLink>
              </li>
            ))}
            <li className="mt-2 border-t border-line pt-2">
              <Link
                to="/"
                className="flex min-h-11 items-center gap-3 rounded-lg px-3 font-medium text-gray-800 no-underline hover:bg-gray-100"
              >
                <StoreIcon className="size-5 shrink-0" />
                View the shop
              </Link>
            </li>
          </ul>
        </nav>
        <div className="min-w-0">{children}</div>
      </div>
    </div>
  );
}
