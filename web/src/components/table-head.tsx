/** A table's column headings; `action` adds a last, visually empty column named for screen readers. */
export function TableHead({ columns, action }: { columns: Array<string | { label: string; num: true }>; action?: string }) {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th key={c} scope="col">
              {c}
            </th>
          ) : (
            <th key={c.label} scope="col" className="num">
              {c.label}
            </th>
          ),
        )}
        {action && (
          <th scope="col">
            <span className="sr-only">{action}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
