import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkParameter } from '../../core/check-parameter.ts';
import { EDGE_LIMITS, LIMITS, limitMessage, limitOf } from '../../core/limits.ts';
import { VOCABULARY } from '../../core/vocabulary.ts';
import { classvizCommand } from '../../cli/commands/classviz.ts';
import { compareCommand } from '../../cli/commands/compare.ts';
import { fgsmCommand } from '../../cli/commands/fgsm.ts';
import { foolCommand } from '../../cli/commands/fool.ts';
import { predictCommand } from '../../cli/commands/predict.ts';
import { saliencyCommand } from '../../cli/commands/saliency.ts';
import { AdversarialParams, PredictParams, SaliencyParams } from '../../functions/schemas/params.ts';
import { limitsTable, vocabularyTable } from '../helpers/parameter-tables.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const between = (name: string) => readme.split(`<!-- ${name}:start -->\n`)[1]?.split(`\n<!-- ${name}:end -->`)[0];

const cliFlags = new Set([predictCommand, saliencyCommand, fgsmCommand, foolCommand, classvizCommand, compareCommand].flatMap((c) => Object.keys(c.options)));
const apiFields = new Set([PredictParams, SaliencyParams, AdversarialParams].flatMap((schema) => Object.keys(schema.shape)));

describe('one vocabulary', () => {
  it('is the README’s table, and its limits and defaults are the README’s too', () => {
    expect(between('vocabulary')).toBe(vocabularyTable());
    expect(between('limits')).toBe(limitsTable());
  });

  it('is what the CLI and the API accept: every name on its surfaces, nothing outside it', () => {
    for (const p of VOCABULARY) {
      if (p.surfaces.includes('cli') && p.name !== 'attack') expect(cliFlags, p.name).toContain(p.flag);
      for (const alias of p.aliases?.cli ?? []) expect(cliFlags, alias).toContain(alias);
      if (p.surfaces.includes('api')) expect(apiFields, p.name).toContain(p.name);
      for (const alias of p.aliases?.api ?? []) expect(apiFields, alias).toContain(alias);
    }
    const known = new Set(VOCABULARY.flatMap((p) => [p.name, ...(p.aliases?.api ?? [])]));
    for (const field of apiFields) expect(known, field).toContain(field);
    const flags = new Set(VOCABULARY.flatMap((p) => [p.flag, ...(p.aliases?.cli ?? [])]));
    for (const flag of cliFlags) if (!['json', 'help', 'out', 'render'].includes(flag)) expect(flags, flag).toContain(flag);
  });

  it('keys the limits by its names', () => {
    const names = new Set(VOCABULARY.map((p) => p.name));
    for (const limits of Object.values(LIMITS)) for (const name of Object.keys(limits)) expect(names).toContain(name);
  });
});

describe('limits', () => {
  it('are stricter on the edge only, each with its reason', () => {
    for (const [command, limits] of Object.entries(EDGE_LIMITS)) {
      for (const [name, stricter] of Object.entries(limits as Record<string, { max: number; why: string }>)) {
        expect(stricter.max).toBeLessThan((LIMITS as Record<string, Record<string, { max: number }>>)[command][name].max);
        expect(stricter.why.length).toBeGreaterThan(10);
      }
    }
  });

  it('word a refusal one way, naming the parameter, the range and the value as given', () => {
    expect(limitMessage('samples', { min: 1, max: 32, integer: true, why: 'CPU' }, 40)).toBe('samples must be a whole number from 1 to 32 (CPU), got 40.');
    expect(() => checkParameter('saliency', 'samples', '500')).toThrow('samples must be a whole number from 1 to 200, got 500.');
    expect(() => checkParameter('saliency', 'samples', 500, 'edge')).toThrow(
      'samples must be a whole number from 1 to 32 (each sample is a backward pass within the Worker’s CPU budget), got 500.',
    );
    expect(() => checkParameter('attack', 'epsilon', 'lots')).toThrow('epsilon must be a number from 0 to 255, got lots.');
    expect(() => checkParameter('saliency', 'topK', 2.5)).toThrow(/whole number/);
    expect(() => checkParameter('saliency', 'noise', '')).toThrow(/got \./);
  });

  it('accept the bounds themselves and read numbers from text', () => {
    const { min, max } = limitOf('saliency', 'samples');
    expect(checkParameter('saliency', 'samples', min)).toBe(1);
    expect(checkParameter('saliency', 'samples', String(max))).toBe(200);
    expect(checkParameter('attack', 'learningRate', '0.5')).toBe(0.5);
  });
});
