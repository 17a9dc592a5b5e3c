/** The README's parameter tables as they must read, from the vocabulary, the defaults and the limits. */
import { DEFAULTS } from '../../core/defaults.ts';
import { EDGE_LIMITS, LIMITS, type Limit } from '../../core/limits.ts';
import { VOCABULARY } from '../../core/vocabulary.ts';

const code = (text: string) => `\`${text}\``;

export function vocabularyTable(): string {
  const rows = VOCABULARY.map((p) => {
    const aliases = [...(p.aliases?.cli ?? []).map((a) => `--${a}`), ...(p.aliases?.api ?? []).map((a) => `${a} (API)`)];
    const also = aliases.length ? ` (also ${aliases.map(code).join(', ')})` : '';
    const where = (['cli', 'api', 'site'] as const).map((s) => (p.surfaces.includes(s) ? 'yes' : '–'));
    return `| ${code(p.name)} | ${code(`--${p.flag}`)}${also} | ${where.join(' | ')} | ${p.meaning} |`;
  });
  return ['| name | CLI flag | CLI | API | site | meaning |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

const DEFAULT_OF: Record<string, Record<string, unknown>> = {
  predict: DEFAULTS.predict,
  saliency: DEFAULTS.saliency,
  attack: DEFAULTS.attack,
  classviz: { ...DEFAULTS.classviz.presets[DEFAULTS.classviz.preset], seed: DEFAULTS.classviz.seed },
};

export function limitsTable(): string {
  const rows: string[] = [];
  for (const [command, limits] of Object.entries(LIMITS) as [string, Record<string, Limit>][]) {
    for (const [name, limit] of Object.entries(limits)) {
      const edge = (EDGE_LIMITS as Record<string, Record<string, { max: number; why: string }> | undefined>)[command]?.[name];
      const range = `${limit.min} – ${limit.max}${limit.integer ? ', whole' : ''}`;
      const byDefault = command === 'saliency' && name === 'topK' ? `${DEFAULT_OF[command][name]} (site toggle)` : String(DEFAULT_OF[command][name]);
      rows.push(`| ${command} | ${code(name)} | ${byDefault} | ${range} | ${edge ? `≤ ${edge.max}: ${edge.why}` : 'same'} |`);
    }
  }
  return ['| command | name | default | range | API (edge) |', '|---|---|---|---|---|', ...rows].join('\n');
}
