import { useMemo, useState } from 'preact/hooks';
import { IMAGENET_CLASSES } from '../../../models/imagenet-classes.ts';
import { searchClasses } from '../lib/class-search.ts';

interface Props {
  label: string;
  value: number;
  onChange(index: number): void;
  id: string;
}

/** Search by name or index, then pick from a native list box (keyboard and screen-reader friendly). */
export function ClassPicker({ label, value, onChange, id }: Props) {
  const [query, setQuery] = useState('');
  const options = useMemo(() => {
    const found = searchClasses(IMAGENET_CLASSES, query, 60);
    return found.some((o) => o.index === value) ? found : [{ index: value, name: IMAGENET_CLASSES[value] }, ...found];
  }, [query, value]);
  return (
    <div class="class-picker">
      <label for={`${id}-search`}>{label}</label>
      <input
        id={`${id}-search`}
        type="search"
        placeholder="Search 1000 classes by name or number"
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
