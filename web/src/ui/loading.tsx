/** A loading indicator announced politely to screen readers. */
export function Loading({ label }: { label: string }) {
  return (
    <p role="status" className="loading">
      <span className="loading-dot" aria-hidden="true" />
      {label}
    </p>
  );
}
