/** Small stroke icons drawn inline, so the toolbar needs no icon font or image requests. */
const PATHS = {
  menu: 'M4 7h16M4 12h16M4 17h16',
  text: 'M4 18 9 6l5 12M6 14h6M15 18l3-7 3 7M16 16h4',
  help: 'M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17.5v.5',
  save: 'M7 4h10v16l-5-4-5 4z',
  close: 'M6 6l12 12M18 6 6 18',
  archive: 'M4 5h16v4H4zM5 9v10h14V9M10 13h4',
  unarchive: 'M4 5h16v4H4zM5 9v10h14V9M12 17v-5M9.5 14.5 12 12l2.5 2.5',
  star: 'M12 4l2.4 5 5.4.6-4 3.7 1.1 5.4L12 16l-4.9 2.7 1.1-5.4-4-3.7 5.4-.6z',
  trash: 'M5 7h14M10 7V5h4v2M7 7l1 12h8l1-12',
  list: 'M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01',
  unread: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
  read: 'M5 12.5l4.5 4.5L19 7.5',
  highlight: 'M14.5 4.5l5 5-8.5 8.5H6v-5zM4 21h16',
  note: 'M5 4h14v12l-4 4H5zM15 20v-4h4M8 9h8M8 13h5',
  copy: 'M8 8h11v12H8zM5 16V4h11',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, filled = false }: { name: IconName; filled?: boolean }) {
  return (
    <svg
      class="qari-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
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
