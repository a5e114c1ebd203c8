/**
 * Server-side cursor pages. The current page's cursor lives in the URL (`cursor`), so a link or a reload
 * shows the same page; the cursors of the pages before it are kept while the person pages, for "Previous".
 */
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../ui/Button.tsx';

export interface CursorPaging {
  cursor: string | undefined;
  /** The cursors that led here, first page's (undefined) included. */
  hasPrevious: boolean;
  next(cursor: string): void;
  previous(): void;
  /** The page number, when this visit paged here from the first page. */
  pageNumber: number | null;
}

export function useCursorPaging(): CursorPaging {
  const [params, setParams] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  const [trail, setTrail] = useState<Array<string | undefined>>([]);
  // The trail belongs to the list as filtered when it was walked: other filters start a new one.
  const filterKey = withoutCursor(params);
  const [trailKey, setTrailKey] = useState(filterKey);
  if (trailKey !== filterKey) {
    setTrailKey(filterKey);
    setTrail([]);
  }

  const go = useCallback(
    (to: string | undefined) => {
      setParams(
        (prev) => {
          const nextParams = new URLSearchParams(prev);
          if (to) nextParams.set('cursor', to);
          else nextParams.delete('cursor');
          return nextParams;
        },
        { preventScrollReset: false },
      );
    },
    [setParams],
  );

  return {
    cursor,
    hasPrevious: trail.length > 0 || cursor !== undefined,
    pageNumber: cursor !== undefined && trail.length === 0 ? null : trail.length + 1,
    next(to) {
      setTrail((t) => [...t, cursor]);
      go(to);
    },
    previous() {
      // Without a trail (a reloaded page 3), "previous" starts again from the first page.
      const before = trail.length > 0 ? trail[trail.length - 1] : undefined;
      setTrail((t) => t.slice(0, -1));
      go(before);
    },
  };
}

function withoutCursor(params: URLSearchParams): string {
  const copy = new URLSearchParams(params);
  copy.delete('cursor');
  copy.sort();
  return copy.toString();
}

export function Pager({
  paging,
  nextCursor,
  busy,
  label,
}: {
  paging: CursorPaging;
  nextCursor: string | null | undefined;
  busy?: boolean;
  /** What is paged, for the navigation's name: "Orders pages". */
  label: string;
}) {
  if (!paging.hasPrevious && !nextCursor) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-3">
      <Button variant="secondary" size="sm" disabled={!paging.hasPrevious || busy} onClick={paging.previous}>
        <span aria-hidden="true">←</span> Previous
      </Button>
      <span className="text-sm text-muted">{paging.pageNumber ? `Page ${paging.pageNumber}` : null}</span>
      <Button
        variant="secondary"
        size="sm"
        disabled={!nextCursor || busy}
        onClick={() => nextCursor && paging.next(nextCursor)}
      >
        Next <span aria-hidden="true">→</span>
      </Button>
    </nav>
  );
}
