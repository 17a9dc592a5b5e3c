import type { AttackReport } from '../../core/adversarial/attack-report.ts';
import type { CommandContext } from '../command.ts';
import { suffixedPath, writePng } from '../image-files.ts';

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
