import type { ImageCommand } from '../command.ts';
import { fgsmCommand } from '../commands/fgsm.ts';
import { predictCommand } from '../commands/predict.ts';
import { saliencyCommand } from '../commands/saliency.ts';

/** The commands `gradlens batch` runs over many images. */
export const IMAGE_COMMANDS: readonly ImageCommand[] = [predictCommand, saliencyCommand, fgsmCommand];

export function imageCommand(name: string): ImageCommand | undefined {
  return IMAGE_COMMANDS.find((c) => c.name === name);
}
