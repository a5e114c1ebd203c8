export const SIGN_IN_PATH = '/admin/sign-in';

/** Where to go after signing in: a back-office page of this site only, never another origin or this page. */
export function safeNext(next: string | null): string {
  if (!next || !/^\/admin(?:[/?#]|$)/.test(next) || next.startsWith(SIGN_IN_PATH)) return '/admin';
  return next;
}

/** Focuses a form control by id after React has shown its error. */
export function focusById(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
