/** Class search for pickers: by index ("958") or by words of the name, best matches first. */
export interface ClassOption {
  index: number;
  name: string;
}

export function searchClasses(names: readonly string[], query: string, limit = 50): ClassOption[] {
  const q = query.trim().toLowerCase();
  if (!q) return names.slice(0, limit).map((name, index) => ({ index, name }));
  if (/^\d+$/.test(q)) {
    const index = Number(q);
    return index < names.length ? [{ index, name: names[index] }] : [];
  }
  const scored: { option: ClassOption; score: number }[] = [];
  names.forEach((name, index) => {
    const lower = name.toLowerCase();
    const at = lower.indexOf(q);
    if (at < 0) return;
    // Exact name, then a name starting with the query, then a word starting with it, then anywhere.
    const score = lower === q ? 0 : at === 0 ? 1 : /[\s,'-]/.test(lower[at - 1]) ? 2 : 3;
    scored.push({ option: { index, name }, score });
  });
  scored.sort((a, b) => a.score - b.score || a.option.index - b.option.index);
  return scored.slice(0, limit).map((s) => s.option);
}
