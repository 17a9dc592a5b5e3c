import { useMemo, useState } from 'preact/hooks';
import { searchClasses } from '../lib/class-search.ts';
import { activeClassNames } from '../state/active-model.ts';
import { appStore } from '../state/app.ts';
import { useSelector } from '../state/store.ts';

interface Props {
  label: string;
  value: number;
  onChange(index: number): void;
  id: string;
}

/**
 * Search by name or index, then pick from a native list box (keyboard and screen-reader friendly).
 * The classes are the active model's (an imported model may have its own).
 */
export function ClassPicker({ label, value, onChange, id }: Props) {
  const [query, setQuery] = useState('');
  const names = useSelector(appStore, activeClassNames);
  const options = useMemo(() => {
    const found = searchClasses(names, query, 60);
    if (found.some((o) => o.index === value) || value >= names.length) return found;
    return [{ index: value, name: names[value] }, ...found];
  }, [names, query, value]);
  return (
    <div class="class-picker">
      <label for={`${id}-search`}>{label}</label>
      <input
        id={`${id}-search`}
        type="search"
        placeholder={`Search ${names.length} classes by name or number`}
        value={query}
        autocomplete="off"
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            const first = options.find((o) => o.index !== value) ?? options[0];
            if (first) onChange(first.index);
          }
        }}
      />
      <select
        id={id}
        aria-label={`${label}: matching classes`}
        size={5}
        value={String(value)}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      >
        {options.map((o) => (
          <option key={o.index} value={String(o.index)}>
            {o.name} (#{o.index})
          </option>
        ))}
      </select>
    </div>
  );
}
