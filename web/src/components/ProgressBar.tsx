interface Props {
  label: string;
  /** 0..1, or null while the total is unknown (indeterminate bar). */
  value: number | null;
  detail?: string;
  testId?: string;
}

export function ProgressBar({ label, value, detail, testId }: Props) {
  return (
    <div class="progress">
      <label>
        <span>{label}</span>
        {value === null ? <progress aria-label={label} /> : <progress aria-label={label} max={1} value={value} />}
      </label>
      <span class="progress-detail" data-testid={testId}>{detail ?? (value === null ? '' : `${Math.round(value * 100)}%`)}</span>
    </div>
  );
}
