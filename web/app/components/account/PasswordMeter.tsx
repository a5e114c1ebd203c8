import { cx } from '../ui/cx.ts';

/** zxcvbn's verdict as the meter shows it: score 0–4, its warning, its suggestions (English sentences). */
export interface StrengthView {
  score: number;
  warning: string | null;
  suggestions: string[];
}

const words = [
  'Very easy to guess',
  'Easy to guess',
  'Fairly easy to guess',
  'Hard to guess',
  'Very hard to guess',
];
const fills = ['bg-red-700', 'bg-red-700', 'bg-amber-600', 'bg-green-700', 'bg-green-700'];

/**
 * How hard the typed password is to guess (PV-ACC-1 refuses common and easily guessed ones), and why: the
 * warning and suggestions zxcvbn gives. It advises; the server's check on submit decides. Announced politely,
 * so a screen reader hears the verdict without losing its place in the field.
 */
export function PasswordMeter({ id, strength }: { id: string; strength: StrengthView | null }) {
  const score = strength ? Math.max(0, Math.min(4, strength.score)) : -1;
  // Four segments for five scores: the weakest still shows one red segment, so "no reading" looks different.
  const filled = score < 0 ? 0 : Math.max(1, score);
  return (
    <div id={id} aria-live="polite" className="space-y-1.5 text-sm" data-testid="password-meter">
      <div className="flex gap-1" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <span
            key={i}
            className={cx('h-1.5 flex-1 rounded-full', filled > i ? fills[score] : 'bg-gray-200')}
          />
        ))}
      </div>
      {strength ? (
        <>
          <p className="font-medium text-gray-900">
            Strength: {words[score]}
            {score >= 3 ? '' : '. Our check needs “hard to guess”.'}
          </p>
          {strength.warning ? <p className="text-gray-800">{strength.warning}</p> : null}
          {strength.suggestions.length > 0 && score < 3 ? (
            <ul className="list-disc space-y-0.5 pl-5 text-muted">
              {strength.suggestions.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p className="text-muted">A few unrelated words make a strong password that is easy to remember.</p>
      )}
    </div>
  );
}
