/**
 * An email's HTML as the customer would see it, in a sandboxed frame. The frame may not run scripts
 * (`sandbox` without allow-scripts) and inherits the page's CSP, which also refuses the inline `style`
 * attributes emails are made of; so the HTML is cleaned first (no scripts, frames, forms, event handlers or
 * javascript: links) with each style renamed to a data attribute, and after the frame loads this page applies
 * those styles through the CSSOM, which the CSP allows. allow-same-origin is what lets this page reach into
 * the frame: without allow-scripts nothing in the email can use it.
 */
import { useEffect, useRef, useState } from 'react';

const DROP =
  'script, iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, meta, link, base, style, noscript, template';
const STYLE_ATTR = 'data-mail-style';

/** The email's HTML, safe to give the frame: a whole document whose styles wait in data attributes. */
export function cleanEmailHtml(html: string): string {
  // Parsed documents inherit this page's CSP: a style attribute met by the parser would be refused (and
  // logged). So styles are renamed in the markup first, and <style> blocks, which could not apply, dropped.
  const renamed = html
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/(\s)style(\s*=)/gi, `$1${STYLE_ATTR}$2`));
  const doc = new DOMParser().parseFromString(renamed, 'text/html');
  for (const el of Array.from(doc.querySelectorAll(DROP))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcset' || name === 'formaction') el.removeAttribute(attr.name);
      else if (
        (name === 'href' || name === 'src' || name === 'action' || name === 'xlink:href') &&
        !safeUrl(attr.value)
      )
        el.removeAttribute(attr.name);
      else if (name === 'style') el.removeAttribute('style');
    }
    if (el.tagName === 'A' && el.hasAttribute('href')) {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    }
  }
  return `<!doctype html>${doc.documentElement.outerHTML}`;
}

function safeUrl(url: string): boolean {
  const value = url.trim().toLowerCase();
  return /^(https?:|mailto:|\/(?!\/)|#)/.test(value);
}

export function MailPreview({ html, title }: { html: string; title: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [srcDoc, setSrcDoc] = useState<string | null>(null);

  // DOMParser exists in the browser only; the page around this is rendered there anyway.
  useEffect(() => setSrcDoc(cleanEmailHtml(html)), [html]);

  function applyStyles() {
    const frame = ref.current;
    const doc = frame?.contentDocument;
    if (!frame || !doc) return;
    for (const el of Array.from(doc.querySelectorAll<HTMLElement>(`[${STYLE_ATTR}]`))) {
      el.style.cssText = el.getAttribute(STYLE_ATTR) ?? '';
    }
    // As tall as the email: one scrollbar, the page's.
    frame.style.height = `${Math.max(doc.documentElement.scrollHeight, 200)}px`;
  }

  if (srcDoc === null) return <div className="h-64 animate-pulse rounded-lg bg-gray-100" />;
  return (
    <iframe
      ref={ref}
      data-mail-preview=""
      title={title}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      srcDoc={srcDoc}
      onLoad={applyStyles}
      className="h-96 w-full rounded-lg border border-line bg-white"
    />
  );
}
