/**
 * The after-sales numbers page's charts: Chart.js on a canvas (the Content-Security-Policy allows canvases,
 * while SVG chart libraries write `style` attributes it refuses). Each chart is a picture with a one-sentence
 * summary (`role="img"`, `aria-label`); the figures themselves are in the table the page shows beside it.
 * Drawn in the browser only, without animation when the person asked for reduced motion, in the shop's colour
 * tokens (read from the page's CSS, so a shop's own colour from /theme.css is used too).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  type ChartData,
  Chart as ChartJS,
  type ChartOptions,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useState } from 'react';
import { Chart } from 'react-chartjs-2';

ChartJS.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

export interface ChartSeries {
  label: string;
  values: number[];
  /** Drawn as a line over the bars (e.g. sales against the costs). */
  line?: boolean;
}

export interface NumbersChartProps {
  /** What the picture shows, read by screen readers in place of the canvas. */
  summary: string;
  labels: string[];
  series: ChartSeries[];
  /** Bars of one label on top of each other (the parts of one total). */
  stacked?: boolean;
  /** Bars along the x axis (long labels such as product names). */
  horizontal?: boolean;
  /** How a value reads on the axis and in the tooltip ("$1,234.56", "3 cases"). */
  format?: (value: number) => string;
  /**
   * Names of the value axes. With `line`, the line series get an axis of their own on the right, so that
   * small bars (costs) stay readable under a large line (sales).
   */
  axisTitles?: { value?: string; line?: string };
}

interface Palette {
  primary: string;
  muted: string;
  line: string;
}

/** A `#rrggbb` token at an opacity; another colour syntax is used as it is. */
function withAlpha(colour: string, alpha: number): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  if (!hex) return colour;
  const [r, g, b] = hex.slice(1).map((h) => Number.parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

function readPalette(): Palette {
  const style = getComputedStyle(document.documentElement);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    primary: token('--color-primary', '#0f766e'),
    muted: token('--color-muted', '#4b5563'),
    line: token('--color-line', '#d1d5db'),
  };
}

/** Shades of the shop's colour, darkest first, so stacked parts stay the shop's and tell apart. */
const shades = [1, 0.7, 0.45, 0.28, 0.14];

/** The canvas once the page runs in the browser; nothing on the server (the table carries the figures). */
export function NumbersChart({
  summary,
  labels,
  series,
  stacked,
  horizontal,
  format,
  axisTitles,
}: NumbersChartProps) {
  const [setting, setSetting] = useState<{ palette: Palette; reducedMotion: boolean } | null>(null);
  useEffect(() => {
    const motion = window.matchMedia('(prefers-reduced-motion: reduce)');
    const read = () => setSetting({ palette: readPalette(), reducedMotion: motion.matches });
    read();
    motion.addEventListener('change', read);
    return () => motion.removeEventListener('change', read);
  }, []);
  if (!setting) return <div className="h-64 rounded-lg bg-gray-50" aria-hidden="true" />;
  const { palette, reducedMotion } = setting;

  const lineAxis = Boolean(axisTitles?.line) && !horizontal;
  let bar = 0;
  const data: ChartData<'bar' | 'line', number[], string> = {
    labels,
    datasets: series.map((s) => {
      if (s.line) {
        return {
          type: 'line' as const,
          label: s.label,
          data: s.values,
          borderColor: palette.muted,
          backgroundColor: palette.muted,
          pointRadius: 3,
          borderWidth: 2,
          order: 0,
          ...(lineAxis ? { yAxisID: 'line' } : {}),
        };
      }
      const shade = shades[bar++ % shades.length] ?? 1;
      return {
        type: 'bar' as const,
        label: s.label,
        data: s.values,
        backgroundColor: withAlpha(palette.primary, shade),
        borderColor: palette.primary,
        borderWidth: 1,
        stack: stacked ? 'parts' : undefined,
        order: 1,
      };
    }),
  };
  // Without a format the values are counts: no tick at 0.2 of a case.
  const ticks = {
    color: palette.muted,
    ...(format ? { callback: (v: number | string) => format(Number(v)) } : { precision: 0 }),
  };
  const title = (text: string | undefined) =>
    text ? { display: true, text, color: palette.muted } : { display: false };
  const valueAxis = {
    beginAtZero: true,
    stacked: Boolean(stacked),
    grid: { color: palette.line },
    ticks,
    title: title(axisTitles?.value),
  };
  const lineScale = {
    position: 'right' as const,
    beginAtZero: true,
    grid: { display: false },
    ticks,
    title: title(axisTitles?.line),
  };
  const labelAxis = { stacked: Boolean(stacked), grid: { display: false }, ticks: { color: palette.muted } };
  const options: ChartOptions<'bar' | 'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion ? false : undefined,
    indexAxis: horizontal ? 'y' : 'x',
    scales: horizontal
      ? { x: valueAxis, y: labelAxis }
      : { x: labelAxis, y: valueAxis, ...(lineAxis ? { line: lineScale } : {}) },
    plugins: {
      legend: { display: series.length > 1, labels: { color: palette.muted } },
      tooltip: format
        ? {
            callbacks: {
              label: (item) => `${item.dataset.label ?? ''}: ${format(Number(item.raw))}`,
            },
          }
        : {},
    },
  };
  return (
    <div className="relative h-64 sm:h-72">
      <Chart type="bar" data={data} options={options} role="img" aria-label={summary}>
        <p>{summary}</p>
      </Chart>
    </div>
  );
}
