import { formatNumber } from '../../ui/format.js';

/**
 * A horizontal bar chart as a table: the numbers are real table cells (screen readers and copy-paste
 * get them), the bars are CSS. No chart library for a handful of bars. With `href`, each row links
 * to what it counts (the review, filtered): the label is the link, the bar a second way to click it.
 */
export function BarChart({
  title,
  rows,
  lang,
  id,
  href,
  linkLabel,
}: {
  title: string;
  rows: readonly { key: string; label: string; count: number }[];
  lang: string;
  id: string;
  href?: (key: string) => string;
  /** The accessible name of a row's link ("Treffer aus archive zeigen"). */
  linkLabel?: (label: string) => string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-chart={id}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <table className="bars">
        <tbody>
          {rows.map((r) => {
            const bar = <span className={`bar bar-${id}-${r.key.replace(/[^a-z0-9-]/gi, '_')}`} style={{ width: `${(r.count / max) * 100}%` }} />;
            // At most two lines; the whole label is the tooltip.
            const label = <span className="bar-label">{r.label}</span>;
            return (
              <tr key={r.key} data-key={r.key}>
                <th scope="row" title={r.label}>
                  {href ? (
                    <a href={href(r.key)} aria-label={linkLabel?.(r.label)}>
                      {label}
                    </a>
                  ) : (
                    label
                  )}
                </th>
                <td className="bar-cell">
                  {href ? (
                    <a href={href(r.key)} tabIndex={-1} aria-hidden="true" className="bar-link" data-testid="bar-link">
                      {bar}
                    </a>
                  ) : (
                    bar
                  )}
                </td>
                <td className="bar-value">{formatNumber(r.count, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}

/** One stacked bar (SVG) for parts of a whole, e.g. strong vs. weak findings. */
export function StackedBar({ parts, label }: { parts: readonly { key: string; label: string; count: number; className: string }[]; label: string }) {
  const total = parts.reduce((sum, p) => sum + p.count, 0) || 1;
  let x = 0;
  return (
    <svg className="stacked" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label={label}>
      {parts.map((p) => {
        const width = (p.count / total) * 100;
        const rect = <rect key={p.key} x={x} y={0} width={width} height={6} className={p.className} />;
        x += width;
        return rect;
      })}
    </svg>
  );
}
