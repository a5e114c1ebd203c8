import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cx } from './cx.ts';

export interface TableProps {
  /** Every table says what it lists; hide it visually when a heading already does. */
  caption: ReactNode;
  captionHidden?: boolean;
  /**
   * For a table wider than some screens: its scrolling frame becomes a named region with a tab stop, so a
   * keyboard can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
   */
  scrollLabel?: string;
  className?: string;
  children: ReactNode;
}

/** Scrolls sideways on narrow screens instead of squeezing columns. */
export function Table({ caption, captionHidden, scrollLabel, className, children }: TableProps) {
  return (
    <div
      className={cx('overflow-x-auto rounded-lg border border-line bg-surface', className)}
      {...(scrollLabel ? { role: 'region', 'aria-label': scrollLabel, tabIndex: 0 } : {})}
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption className={cx('px-4 py-3 text-left font-semibold', captionHidden && 'sr-only')}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function THead(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead {...props} className={cx('border-b border-line bg-gray-50', props.className)} />;
}

export function TBody(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody {...props} className={cx('divide-y divide-gray-200', props.className)} />;
}

export function Tr(props: HTMLAttributes<HTMLTableRowElement>) {
  return <tr {...props} />;
}

interface AlignProps {
  /** Right-aligned, tabular figures: for amounts and counts. */
  numeric?: boolean;
}

export function Th({
  numeric,
  className,
  scope = 'col',
  ...rest
}: ThHTMLAttributes<HTMLTableCellElement> & AlignProps) {
  return (
    <th
      scope={scope}
      className={cx('px-4 py-2 font-semibold text-gray-700', numeric && 'text-right', className)}
      {...rest}
    />
  );
}

export function Td({ numeric, className, ...rest }: TdHTMLAttributes<HTMLTableCellElement> & AlignProps) {
  return (
    <td className={cx('px-4 py-3 align-top', numeric && 'text-right tabular-nums', className)} {...rest} />
  );
}
