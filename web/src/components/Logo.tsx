/** The PenguinMails mark: decorative, the product name is always written next to it. */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <ellipse cx="16" cy="17" rx="11" ry="13" fill="#0f1b2d" stroke="#fff" strokeWidth="1.5" />
      <ellipse cx="16" cy="20" rx="7" ry="8.5" fill="#fff" />
      <circle cx="12.5" cy="11" r="1.6" fill="#fff" />
      <circle cx="19.5" cy="11" r="1.6" fill="#fff" />
      <path d="M13.5 14.5 L16 17 L18.5 14.5 Z" fill="#f5a623" />
    </svg>
  );
}
