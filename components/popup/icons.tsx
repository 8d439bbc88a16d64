/** Stroke icons drawn inline, so the popup needs no icon font or image requests. */
const PATHS = {
  archive: 'M4 5h16v4H4zM5 9v10h14V9M10 13h4',
  unarchive: 'M4 5h16v4H4zM5 9v10h14V9M12 17v-5M9.5 14.5 12 12l2.5 2.5',
  star: 'M12 4l2.4 5 5.4.6-4 3.7 1.1 5.4L12 16l-4.9 2.7 1.1-5.4-4-3.7 5.4-.6z',
  trash: 'M5 7h14M10 7V5h4v2M7 7l1 12h8l1-12',
  reader: 'M5 5h6a2 2 0 0 1 2 2v12a2 2 0 0 0-2-2H5zM19 5h-6M19 5v12h-6',
  save: 'M7 4h10v16l-5-4-5 4z',
} as const;

export type PopupIconName = keyof typeof PATHS;

export function PopupIcon({ name, filled }: { name: PopupIconName; filled?: boolean }) {
  return (
    <svg
      class="qari-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[name]}
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
