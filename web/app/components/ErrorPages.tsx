import { Form } from 'react-router';
import { CompassIcon } from './icons.tsx';
import { ButtonLink, buttonClasses } from './ui/Button.tsx';

export function NotFoundPage() {
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-xl py-8 text-center sm:py-16">
      <CompassIcon className="mx-auto size-12 text-primary-ink" />
      <p className="mt-4 text-sm font-semibold tracking-wide text-primary-ink uppercase">Error 404</p>
      <h1 id="not-found-title" className="mt-2 text-3xl font-bold tracking-tight text-gray-900 sm:text-4xl">
        We can’t find that page
      </h1>
      <p className="mt-4 text-muted">
        The address may be mistyped, or the product may no longer be sold here. Try a search, or start again
        from the home page.
      </p>
      <Form method="get" action="/search" role="search" className="mx-auto mt-8 flex max-w-md gap-2">
        <label htmlFor="not-found-search" className="sr-only">
          Search products
        </label>
        <input
          id="not-found-search"
          type="search"
          name="q"
          placeholder="What are you looking for?"
          className="min-h-11 w-full min-w-0 rounded-lg border border-gray-400 bg-surface px-3 text-base placeholder:text-gray-600"
        />
        <button
          type="submit"
          className="min-h-11 rounded-lg bg-primary px-4 font-semibold text-on-primary hover:bg-primary-hover"
        >
          Search
        </button>
      </Form>
      <div className="mt-6">
        <ButtonLink to="/" variant="secondary">
          Go to the home page
        </ButtonLink>
      </div>
    </section>
  );
}

export interface ErrorPageProps {
  status: number;
  reference: string | undefined;
  /** The address that failed: a plain link to it reloads the whole page. */
  retryHref: string;
  /** For a request the shop refused (4xx): why, in words for the person who sent it. */
  message?: string | undefined;
}

export function ErrorPage({ status, reference, retryHref, message }: ErrorPageProps) {
  const unavailable = status === 503;
  // A 4xx is the request's fault (a form that could not be read, an unsupported method), not the shop's.
  const refused = status >= 400 && status < 500;
  const title = refused
    ? 'We could not handle that request'
    : unavailable
      ? 'The shop is briefly unavailable'
      : 'Something went wrong on our side';
  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-xl py-8 text-center sm:py-16">
      <p className="text-sm font-semibold tracking-wide text-primary-ink uppercase">Error {status}</p>
      <h1 id="error-title" className="mt-2 text-3xl font-bold tracking-tight text-gray-900 sm:text-4xl">
        {title}
      </h1>
      <p className="mt-4 text-muted">
        {refused
          ? (message ?? 'The page could not read what was sent. Go back and try again from the page itself.')
          : 'Nothing you did caused this. Please try again in a moment.'}
      </p>
      {reference && !refused ? (
        <p className="mt-4 text-sm text-muted">
          If it keeps happening, contact us and quote this reference:{' '}
          <code className="rounded bg-gray-100 px-1.5 py-0.5 font-mono text-gray-900">{reference}</code>
        </p>
      ) : null}
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        {/* A plain link reloads the whole page, so a second failure is rendered by the server with a reference. */}
        <a href={retryHref} className={buttonClasses()}>
          {refused ? 'Open the page again' : 'Try again'}
        </a>
        <ButtonLink to="/" variant="secondary" reloadDocument>
          Go to the home page
        </ButtonLink>
      </div>
    </section>
  );
}
