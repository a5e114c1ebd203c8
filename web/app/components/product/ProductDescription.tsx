/**
 * A product description as the back office writes it: paragraphs separated by blank lines, and lists whose
 * lines start with "- ". Plain text only: nothing in it is read as HTML.
 */
export function ProductDescription({ text }: { text: string }) {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <div className="space-y-4 text-gray-800">
      {blocks.map((block, i) => {
        const lines = block.split('\n').map((l) => l.trim());
        const key = `${i}-${block.slice(0, 20)}`;
        if (lines.every((l) => l.startsWith('- '))) {
          return (
            <ul key={key} className="list-disc space-y-1 pl-5">
              {lines.map((l) => (
                <li key={l}>{l.slice(2)}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={key} className="max-w-prose">
            {lines.join(' ')}
          </p>
        );
      })}
    </div>
  );
}
