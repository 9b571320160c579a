/** The ChatSyncs logo: a green rounded square with a speech bubble, and the word mark. */
export function BrandMark() {
  return (
    <span className="brand">
      <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="#25D366" />
        <path
          d="M9 11.5A3.5 3.5 0 0 1 12.5 8h7A3.5 3.5 0 0 1 23 11.5v5a3.5 3.5 0 0 1-3.5 3.5H15l-4.2 3.4c-.5.4-1.3 0-1.3-.6V20.6A3.5 3.5 0 0 1 9 17.5z"
          fill="#fff"
        />
      </svg>
      ChatSyncs
    </span>
  );
}
