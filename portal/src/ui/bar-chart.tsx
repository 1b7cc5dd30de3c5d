import { Accordion } from '@codegouvfr/react-dsfr/Accordion';

export interface ChartSeries {
  label: string;
  /** a DSFR colour token, e.g. var(--background-flat-error) */
  color: string;
}

export interface ChartRow {
  label: string;
  /** one value per series */
  values: number[];
}

/**
 * A horizontal bar chart, stacked when it has several series: the bars are drawn for the eye, the
 * figures are written beside each bar and, for assistive technologies and for copying, in the
 * table under the chart (RGAA 1.x: a chart has a text alternative that carries its data).
 */
export const BarChart = ({
  id,
  title,
  series,
  rows,
}: {
  id: string;
  title: string;
  series: ChartSeries[];
  rows: ChartRow[];
}) => {
  const largest = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  return (
    <figure className="tlc-chart fr-mb-4w" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="fr-h6 fr-mb-1w">
        {title}
      </figcaption>
      {series.length > 1 && (
        <ul className="tlc-chart__legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.label}>
              <span className="tlc-chart__swatch" style={{ background: s.color }} /> {s.label}
            </li>
          ))}
        </ul>
      )}
      <div aria-hidden="true">
        {rows.map((row) => {
          const total = row.values.reduce((a, b) => a + b, 0);
          return (
            <div key={row.label} className="tlc-chart__row">
              <span className="tlc-chart__label">{row.label}</span>
              <span className="tlc-chart__track">
                {row.values.map((value, i) =>
                  value > 0 ? (
                    <span
                      key={series[i]!.label}
                      className="tlc-chart__bar"
                      title={`${series[i]!.label} : ${value}`}
                      style={{ width: `${(value / largest) * 100}%`, background: series[i]!.color }}
                    />
                  ) : null,
                )}
              </span>
              <span className="tlc-chart__total">{total}</span>
            </div>
          );
        })}
      </div>
      <Accordion label={`Données du graphique « ${title} »`} className="fr-mt-1w">
        <div className="fr-table fr-table--no-caption">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">—</th>
                {series.map((s) => (
                  <th key={s.label} scope="col">
                    {s.label}
                  </th>
                ))}
                {series.length > 1 && <th scope="col">Total</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {row.values.map((v, i) => (
                    <td key={series[i]!.label}>{v}</td>
                  ))}
                  {series.length > 1 && <td>{row.values.reduce((a, b) => a + b, 0)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Accordion>
    </figure>
  );
};
