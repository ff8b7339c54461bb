/** The small part of Google Identity Services (accounts.google.com/gsi/client) that the sign-in page uses. */
interface GoogleCredentialResponse {
  credential: string;
  select_by?: string;
}

interface GoogleAccountsId {
  initialize(options: {
    client_id: string;
    callback: (response: GoogleCredentialResponse) => void;
    ux_mode?: "popup" | "redirect";
    auto_select?: boolean;
    cancel_on_tap_outside?: boolean;
    hd?: string;
  }): void;
  renderButton(
    parent: HTMLElement,
    options: { type?: "standard" | "icon"; theme?: "outline" | "filled_blue" | "filled_black"; size?: "large" | "medium" | "small"; text?: string; shape?: string; width?: number; logo_alignment?: string },
  ): void;
  disableAutoSelect(): void;
}

interface Window {
  google?: { accounts: { id: GoogleAccountsId } };
}
