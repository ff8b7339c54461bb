/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin of the function app when the SPA is served elsewhere (Static Web App). Empty: same origin. */
  readonly VITE_API_ORIGIN?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
