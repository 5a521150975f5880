/** One bar: a label, a value and an optional second value drawn behind it (e.g. placed vs housed). */
export interface Bar {
  label: string;
  value: number;
  total?: number;
  text?: string;
}

/**
 * A horizontal bar chart drawn in SVG (no chart library, to keep the bundle
 * small), with a table-like text alternative via `aria-label`/`<title>`.
 */
export function BarChart({ title, bars, max, unit = '' }: { title: string; bars: Bar[]; max?: number; unit?: string }) {
  const top = max ?? Math.max(1, ...bars.map((b) => Math.max(b.value, b.total ?? 0)));
  const rowH = 28;
  const labelW = 210;
  const width = 520;
  const barW = width - labelW - 60;
  const height = bars.length * rowH + 8;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.text ?? b.value + unit}`).join(', ')}`}>
        {bars.map((b, i) => {
          const y = i * rowH + 4;
          const w = Math.max(0, (b.value / top) * barW);
          const tw = b.total !== undefined ? Math.max(0, (b.total / top) * barW) : 0;
          return (
            <g key={b.label + i}>
              <text x={labelW - 8} y={y + rowH / 2 + 4} textAnchor="end" className="chart-label">
                <title>{b.label}</title>
                {b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label}
              </text>
              {b.total !== undefined && <rect x={labelW} y={y + 4} width={tw} height={rowH - 10} className="chart-bar-total" rx="3" />}
              <rect x={labelW} y={y + 4} width={w} height={rowH - 10} className="chart-bar" rx="3" />
              <text x={labelW + Math.max(w, tw) + 6} y={y + rowH / 2 + 4} className="chart-value">
                {b.text ?? `${b.value}${unit}`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
