interface PagerProps {
  /** The navigation's name ("Key pages"). */
  label: string;
  loading: boolean;
  pagesBefore: number;
  nextCursor: string | null | undefined;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
}

/** Previous and Next page over a cursor-paged list (see useCursorTrail). */
export const Pager = ({ label, loading, pagesBefore, nextCursor, onPrevious, onNext }: PagerProps) => (
  <nav className="pager" aria-label={label}>
    <button type="button" disabled={loading || pagesBefore === 0} onClick={onPrevious}>
      Previous page
    </button>
    <button type="button" disabled={loading || !nextCursor} onClick={() => nextCursor && onNext(nextCursor)}>
      Next page
    </button>
  </nav>
);
