/** A one-line progress bar on stderr, drawn only for a terminal so logs and pipes stay clean. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  const enabled = Boolean(stream.isTTY);
  return {
    update(done: number, total: number, note = '') {
      if (!enabled) return;
      const width = 30;
      const filled = total > 0 ? Math.round((done / total) * width) : 0;
      const rate = done / Math.max((performance.now() - started) / 1000, 1e-3);
      const eta = done > 0 && done < total ? ` ETA ${Math.ceil((total - done) / rate)} s` : '';
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${rate.toFixed(1)}/s${eta} ${note}   `);
    },
    done() {
      if (enabled) stream.write('\n');
    },
  };
}
