/** What a panel's last action said: announced politely, or as an alert when it failed. */
export interface Status {
  text: string;
  error: boolean;
}

export function StatusLine({ status }: { status: Status | null }) {
  return (
    <p
      class={status?.error ? 'qari-backup-status qari-error' : 'qari-backup-status'}
      role={status?.error ? 'alert' : 'status'}
    >
      {status?.text}
    </p>
  );
}
