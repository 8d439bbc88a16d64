interface Props {
  value: number;
  label: string;
  percent: string;
}

/** A thin bar under the toolbar; it grows from the start side (the right in RTL). */
export function ProgressBar({ value, label, percent }: Props) {
  const pct = Math.round(value * 100);
  return (
    <div
      class="qari-progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      aria-valuetext={percent}
    >
      <div class="qari-progress-bar" style={{ inlineSize: `${pct}%` }} />
    </div>
  );
}
