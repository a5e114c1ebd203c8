import { Transform, type TransformOptions } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

const PRELOAD = '<link rel="modulepreload"';
const PRELOAD_TAG = /<link rel="modulepreload"[^>]*>/g;
const MODULE_SCRIPT = /<script([^>]*?) type="module" async="">([\s\S]*?)<\/script>/g;
const TOKENS = [PRELOAD, '<script'];

/** A classic script that, once the page has loaded, preloads `hrefs` and runs `code` as a module script. */
function loader(hrefs: string[], code: string): string {
  // Inside a <script>: no "<" at all, so neither "</script>" nor "<!--" can appear.
  const json = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');
  return (
    `(function(s){function go(){var d=document;${json(hrefs)}.forEach(function(h){` +
    `var l=d.createElement("link");l.rel="modulepreload";l.href=h;d.head.appendChild(l)});` +
    `var m=d.createElement("script");m.type="module";m.nonce=s.nonce;m.textContent=${json(code)};` +
    `d.body.appendChild(m)}if(document.readyState==="complete")setTimeout(go);` +
    `else addEventListener("load",function(){setTimeout(go)})})(document.currentScript);`
  );
}

/**
 * The page's HTML with its scripts started once the page has loaded (its pictures included) rather than
 * alongside it. React Router preloads React, React Router and the page's modules (about 120 kB compressed;
 * React hoists the `<link rel="modulepreload">` into the head) and imports them from one inline module script.
 * On a slow phone network they compete with the first paint and the largest picture, and Lighthouse counts
 * them on the way to both whenever they happen to finish first. Here the preload links are left out and the
 * module script becomes a small classic script (same CSP nonce) that adds both back after the `load` event.
 * Every page works before that: links and forms are plain HTML until JavaScript takes over.
 *
 * A tag split between two chunks is held back until it is complete (an inline script until its `</script>`).
 */
export function scriptsAfterLoad(options: Pick<TransformOptions, 'final'> = {}): Transform {
  const decoder = new StringDecoder('utf8');
  const hrefs: string[] = [];
  let held = '';
  const rewrite = (text: string, last: boolean): string => {
    const all = (held + text)
      .replace(PRELOAD_TAG, (tag) => {
        const href = /\shref="([^"]*)"/.exec(tag)?.[1];
        if (href) hrefs.push(href.replaceAll('&amp;', '&'));
        return '';
      })
      .replace(MODULE_SCRIPT, (_, attributes: string, code: string) => {
        return `<script${attributes}>${loader([...new Set(hrefs)], code)}</script>`;
      });
    let cut = all.length;
    if (!last) {
      const script = all.lastIndexOf('<script');
      if (script !== -1 && !all.includes('</script>', script)) cut = script;
      const link = all.lastIndexOf(PRELOAD);
      if (link !== -1 && !all.includes('>', link)) cut = Math.min(cut, link);
      for (const token of TOKENS) {
        for (let n = Math.min(token.length - 1, all.length); n > 0; n--) {
          if (token.startsWith(all.slice(all.length - n))) {
            cut = Math.min(cut, all.length - n);
            break;
          }
        }
      }
    }
    held = all.slice(cut);
    return all.slice(0, cut);
  };
  return new Transform({
    ...options,
    transform(chunk: Buffer, _encoding, callback) {
      const out = rewrite(decoder.write(chunk), false);
      callback(null, out === '' ? undefined : Buffer.from(out));
    },
    flush(callback) {
      const out = rewrite(decoder.end(), true);
      callback(null, out === '' ? undefined : Buffer.from(out));
    },
  });
}
