/**
 * What the server hands the document shell (root.tsx) besides loader data: the per-request CSP nonce for
 * inline elements, and the storefront's stylesheet as text to inline. entry.server provides both; in the
 * browser neither is known, and the shell keeps what the server wrote (see `useInlineStyles`).
 */
import { createContext, useContext } from 'react';

export interface DocumentInfo {
  nonce?: string;
  /** The built stylesheet's text, or null when there is no build to read (development: linked instead). */
  appCss?: string | null;
}

export const DocumentContext = createContext<DocumentInfo>({});

/** The nonce while rendering on the server; undefined in the browser. */
export function useNonce(): string | undefined {
  return useContext(DocumentContext).nonce;
}

/** Marks the inlined stylesheet, so that the browser can find what the server put there. */
export const INLINE_CSS_ATTRIBUTE = 'data-app-css';

// Read once, before hydration: the browser renders the same text the server sent, so React finds nothing
// to change, and later renders never touch it.
const inlinedInBrowser =
  typeof document === 'undefined'
    ? null
    : (document.querySelector(`style[${INLINE_CSS_ATTRIBUTE}]`)?.textContent ?? null);

/**
 * The stylesheet text to inline in <head>: the build's CSS on the server, the same text in the browser.
 * Null means "link it instead" (development, where Vite serves and hot-reloads the stylesheet).
 */
export function useInlineStyles(): string | null {
  const fromServer = useContext(DocumentContext).appCss;
  return typeof document === 'undefined' ? (fromServer ?? null) : inlinedInBrowser;
}
