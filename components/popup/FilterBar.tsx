import type { ListFilter } from '@/lib/store/articles';
import { label, type PopupLabelKey } from '@/lib/popup/labels';

export const FILTERS: ReadonlyArray<{ filter: ListFilter; key: PopupLabelKey }> = [
  { filter: 'all', key: 'popupFilterAll' },
  { filter: 'unread', key: 'popupFilterUnread' },
  { filter: 'archived', key: 'popupFilterArchived' },
  { filter: 'favourites', key: 'popupFilterFavourites' },
];

interface Props {
  value: ListFilter;
  onChange: (f: ListFilter) => void;
  listId: string;
}

/** Which part of the list to show: toggle buttons, one pressed. */
export function FilterBar({ value, onChange, listId }: Props) {
  return (
    <div class="qari-filters" role="group" aria-label={label('popupFilters')}>
      {FILTERS.map(({ filter, key }) => (
        <button
          key={filter}
          type="button"
          class="qari-filter"
          aria-pressed={value === filter}
          aria-controls={listId}
          onClick={() => onChange(filter)}
        >
          {label(key)}
        </button>
      ))}
    </div>
  );
}
