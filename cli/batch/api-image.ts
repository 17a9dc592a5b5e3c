import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-write.ts';
import type { ImageCommand } from '../command.ts';
import { milliseconds } from '../format.ts';
import { fetchWithRetry, type RetryPolicy } from './fetch-with-retry.ts';
import { linkedFiles } from './linked-files.ts';
import type { BatchTask } from './local-image.ts';
import { errorLine, type SummaryLine } from './summary-line.ts';
import { topPrediction } from './top-prediction.ts';

/** The compute route of each command. */
const ROUTES: Record<ImageCommand['name'], string> = { predict: 'predict', saliency: 'saliency', fgsm: 'adversarial' };

export interface ApiSetup {
  /** The API's base, ending in `/api/v1/`. */
  base: URL;
  command: ImageCommand['name'];
  /** The parameters as form fields (api-fields.ts). */
  fields: Record<string, string>;
  outDir: string;
  retry?: RetryPolicy;
}

/** An answer other than the one expected, as an error: the problem's detail, code and hint, and the status. */
async function problemError(response: Response): Promise<Error> {
  const text = await response.text();
  let problem: { detail?: string; code?: string; hint?: string } = {};
  try {
    problem = JSON.parse(text);
  } catch {
    // not a problem document (a proxy's page, say): its first words stand in for the detail
  }
  const message = problem.detail ?? `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  return Object.assign(new Error(message), { status: response.status, code: problem.code, hint: problem.hint });
}

const MEDIA_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

/**
 * One image through the API: POST it as multipart field `image` with the parameters as fields, then
 * fetch the files the 201 document links and store them with the document (`<command>.json`) in the
 * image's folder. 429 and 503 are tried again; any other refusal is the image's error line.
 */
export async function runApiImage(setup: ApiSetup, task: BatchTask): Promise<SummaryLine> {
  const started = performance.now();
  try {
    const form = new FormData();
    for (const [name, value] of Object.entries(setup.fields)) form.set(name, value);
    const type = MEDIA_TYPES[path.extname(task.image).toLowerCase()] ?? 'application/octet-stream';
    form.set('image', new Blob([await readFile(task.image)], { type }), path.basename(task.image));
    const response = await fetchWithRetry(new URL(ROUTES[setup.command], setup.base), { method: 'POST', body: form }, setup.retry);
    if (response.status !== 201) throw await problemError(response);
    const document = (await response.json()) as Record<string, unknown>;
    await mkdir(path.join(setup.outDir, task.folder), { recursive: true });
    const outputs: string[] = [];
    const store = async (name: string, data: Uint8Array | string) => {
      await writeFileAtomic(path.join(setup.outDir, task.folder, name), data);
      outputs.push(path.join(task.folder, name));
    };
    for (const { url, name } of linkedFiles(document)) {
      const file = await fetchWithRetry(new URL(url, setup.base), {}, setup.retry);
      if (!file.ok) throw await problemError(file);
      await store(name, new Uint8Array(await file.arrayBuffer()));
    }
    await store(`${setup.command}.json`, `${JSON.stringify(document, null, 2)}\n`);
    return { image: task.image, status: 'ok', outputs, top: topPrediction(document), ms: milliseconds(started) };
  } catch (error) {
    return errorLine(task.image, error, started);
  }
}
