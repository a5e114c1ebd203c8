/**
 * The per-request CSP nonce for elements a page renders inline (the theme's <style>). entry.server provides it
 * from the load context; in the browser there is none, and React keeps the attribute the server wrote (the
 * browser hides a nonce's value from scripts after parsing anyway).
 */
import { createContext, useContext } from 'react';

export const NonceContext = createContext<string | undefined>(undefined);

/** The nonce while rendering on the server; undefined in the browser. */
export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
