import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export interface BarRow {
  label: string;
  value: number;
  second?: number;
}

interface BarFigureProps {
  id: string;
  title: string;
  rows: readonly BarRow[];
  series: readonly { key: 'value' | 'second'; name: string }[];
  /** 'horizontal': one bar per line, for long labels (procedure titles). */
  layout?: 'vertical' | 'horizontal';
  rtl: boolean;
  /** Said instead of an empty chart. */
  empty?: string;
}

const TICK = { fontSize: 20, fill: 'currentColor' };
/**
 * Right to left, SVG text anchors flip with the text's direction: the labels
 * of an axis on the right start at the axis only when anchored at their end.
 */
const RIGHT_TICK = { ...TICK, textAnchor: 'end' };
/** The brand blue, and a green told apart from it by people with colour blindness too. */
const FILLS = ['#0b3a82', '#1d7a46'];

/**
 * One chart of the statistics screen, drawn by Recharts (SVG), mirrored for
 * right-to-left languages. The chart is for the eyes; the same numbers are
 * in a table for screen readers.
 */
export function BarFigure({
  id,
  title,
  rows,
  series,
  layout = 'vertical',
  rtl,
  empty,
}: BarFigureProps) {
  const sideways = layout === 'horizontal';
  const height = sideways ? Math.max(160, 64 * rows.length + 80) : 300;
  return (
    <figure className="stats__chart" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <figcaption id={`${id}-title`} className="desk__subtitle">
        {title}
      </figcaption>
      {rows.length === 0 && empty ? (
        <p className="desk__line">{empty}</p>
      ) : (
        <>
          <div aria-hidden="true" className="stats__plot">
            <ResponsiveContainer width="100%" height={height}>
              <BarChart
                data={[...rows]}
                layout={sideways ? 'vertical' : 'horizontal'}
                accessibilityLayer={false}
                margin={{ top: 8, right: 24, bottom: 8, left: 24 }}
              >
                <CartesianGrid strokeDasharray="4 4" className="stats__grid" />
                {sideways ? (
                  <>
                    <XAxis type="number" allowDecimals={false} reversed={rtl} tick={TICK} />
                    <YAxis
                      type="category"
                      dataKey="label"
                      width={320}
                      orientation={rtl ? 'right' : 'left'}
                      tick={rtl ? RIGHT_TICK : TICK}
                    />
                  </>
                ) : (
                  <>
                    <XAxis dataKey="label" reversed={rtl} tick={TICK} minTickGap={12} />
                    <YAxis
                      allowDecimals={false}
                      orientation={rtl ? 'right' : 'left'}
                      tick={rtl ? RIGHT_TICK : TICK}
                    />
                  </>
                )}
                {series.length > 1 && <Legend wrapperStyle={{ fontSize: 22 }} />}
                {series.map((entry, index) => (
                  <Bar
                    key={entry.key}
                    dataKey={entry.key}
                    name={entry.name}
                    fill={FILLS[index % FILLS.length]}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="visually-hidden">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{title}</th>
                {series.map((entry) => (
                  <th key={entry.key} scope="col">
                    {entry.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {series.map((entry) => (
                    <td key={entry.key}>{row[entry.key] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
