/**
 * A model choice in progress (reading the server's model index, checking the id a link asked for):
 * the engine waits for it, so a link with `model=squeezenet1_0` loads that model first, not the default.
 */
let pending: Promise<void> = Promise.resolve();

export function whileChoosing(choice: Promise<void>): Promise<void> {
  const settled = choice.catch(() => undefined);
  pending = settled;
  return settled;
}

export function choiceSettled(): Promise<void> {
  return pending;
}
