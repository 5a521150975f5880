import './charts.css';

/** One series of a stacked chart: its name (in the legend) and its colour class (`stack-0` … `stack-5`). */
export interface StackSeries {
  label: string;
  className: string;
}

/** One bar: its label, one value per series (stacked in order) and the text written after it. */
export interface StackRow {
  label: string;
  values: number[];
  text: string;
}

/**
 * A horizontal stacked bar chart in SVG (no chart library: the bundle stays small), one bar per row,
 * sized for a phone: its 360-unit-wide drawing is shown at about 1:1 on a 366 px screen. The legend is
 * HTML; `aria-label` reads the figures, and the page shows the same figures as a table beside it.
 */
export function StackedBarChart({ title, series, rows, max }: { title: string; series: StackSeries[]; rows: StackRow[]; max?: number }) {
  const top = max ?? Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const rowH = 26;
  // Room for the longest label and the longest figure in 13-unit type (~7.4 units a character).
  const labelW = Math.min(110, 10 + 7.4 * Math.max(0, ...rows.map((r) => r.label.length)));
  const textW = Math.min(140, 12 + 7.4 * Math.max(0, ...rows.map((r) => r.text.length)));
  const width = 360;
  const barW = width - labelW - textW;
  const height = rows.length * rowH + 4;
  const describe = rows.map((r) => `${r.label}: ${series.map((s, i) => `${s.label} ${r.values[i] ?? 0}`).join(', ')} (${r.text})`).join('; ');
  return (
    <figure className="chart stacked-chart">
      <figcaption>{title}</figcaption>
      {series.length > 1 && (
        <ul className="chart-legend">
          {series.map((s) => (
            <li key={s.label}>
              <span className={`swatch ${s.className}`} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title}. ${describe}`}>
        {rows.map((r, i) => {
          const y = i * rowH + 2;
          let x = labelW;
          return (
            <g key={r.label + i}>
              <text x={labelW - 6} y={y + rowH / 2 + 4} textAnchor="end" className="chart-label">
                {r.label}
              </text>
              {r.values.map((v, j) => {
                const w = Math.max(0, (v / top) * barW);
                const rect = w > 0 ? <rect key={j} x={x} y={y + 4} width={w} height={rowH - 10} className={series[j]?.className} /> : null;
                x += w;
                return rect;
              })}
              <text x={x + 5} y={y + rowH / 2 + 4} className="chart-value">
                {r.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
