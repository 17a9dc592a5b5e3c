import type { AttackReport } from '../../core/adversarial/attack-report.ts';
import { transferTo } from '../../core/adversarial/transfer.ts';
import type { RgbImage } from '../../core/types.ts';
import { GradlensError } from '../../core/errors.ts';
import { flagValue, type Values } from '../args.ts';
import type { CommandContext } from '../command.ts';
import { loadNodeModel } from '../node-model.ts';
import { suffixedPath, writePng } from '../image-files.ts';
import { checkModelId } from '../known-model.ts';

/** Writes the adversarial PNG and the ×10 difference beside it; returns the report without pixel arrays. */
export async function writeAttackOutputs(ctx: CommandContext, report: AttackReport, out: string) {
  const differenceFile = suffixedPath(out, 'difference');
  await writePng(out, report.adversarial);
  await writePng(differenceFile, report.difference);
  const { adversarial: _pixels, difference: _diff, ...metrics } = report;
  const top = report.after[0];
  ctx.say(`${report.success ? 'success' : 'no success'} after ${report.steps} step(s): now ${top.index} ${top.name} (${(top.probability * 100).toFixed(1)}%)`);
  ctx.say(`L2 ${report.l2.toFixed(2)}  L∞ ${report.linf.toFixed(2)}  PSNR ${report.psnr.toFixed(2)} dB  survives 8-bit PNG: ${report.survives8bit ? 'yes' : 'no'}`);
  ctx.say(`adversarial → ${out}, difference ×10 → ${differenceFile}`);
  return { ...metrics, files: { adversarial: out, difference: differenceFile } };
}

/** `--transfer a,b`: the models to try the attack on, checked before any work is done. */
export function transferFlag(values: Values, attacked: string): string[] {
  const raw = flagValue(values, 'transfer');
  if (raw === undefined) return [];
  const ids = String(raw).split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) throw new GradlensError('options/invalid', '--transfer needs model ids, e.g. --transfer squeezenet1_0.');
  for (const id of ids) {
    checkModelId(id);
    if (id === attacked) throw new GradlensError('options/invalid', `--transfer ${id} is the attacked model itself; name the other models.`);
  }
  return ids;
}

/** Classifies the saved adversarial image with each other model and says whether the attack carried over. */
export async function transferOutputs(ctx: CommandContext, ids: string[], original: RgbImage, report: AttackReport) {
  if (ids.length === 0) return {};
  const models = [];
  for (const id of ids) models.push(await loadNodeModel(id));
  const transfer = await transferTo(models, original, report.adversarial, report.target);
  for (const t of transfer) {
    const verdict = report.target ? (t.reachedTarget ? 'reaches the target' : 'does not reach the target') : t.changed ? 'fooled' : 'not fooled';
    ctx.say(`transfer to ${t.model}: ${t.before.name} → ${t.after.name} (${(t.after.probability * 100).toFixed(1)}%): ${verdict}`);
  }
  return { transfer };
}
