import { Form, NavLink } from 'react-router';
import { Button } from '../ui/Button.tsx';
import { cx } from '../ui/cx.ts';

const sections = [
  { label: 'Orders', to: '/account' },
  { label: 'Profile', to: '/account/profile' },
  { label: 'Security', to: '/account/security' },
  { label: 'Your data', to: '/account/data' },
];

/** The signed-in pages' tabs, and signing out (a POST: a link or a prefetch must not sign anyone out). */
export function AccountNav() {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3 border-b border-line">
      <nav aria-label="Your account">
        <ul className="-mb-px flex gap-1 text-sm font-semibold">
          {sections.map((s) => (
            <li key={s.to}>
              <NavLink
                to={s.to}
                end
                className={({ isActive }) =>
                  cx(
                    'flex min-h-11 items-center border-b-2 px-3 no-underline',
                    isActive
                      ? 'border-primary text-gray-900'
                      : 'border-transparent text-muted hover:border-gray-300 hover:text-gray-900',
                  )
                }
              >
                {s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="post" action="/account/sign-out" className="pb-1.5">
        <Button type="submit" variant="ghost" size="sm">
          Sign out
        </Button>
      </Form>
    </div>
  );
}
