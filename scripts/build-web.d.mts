/** True when build/ is missing or older than web/, src/ or package-lock.json. */
export function isWebBuildStale(): boolean;
/** Runs `react-router build web` (only when stale with `ifStale`) and stamps build/.stamp. */
export function buildWeb(options?: { ifStale?: boolean; quiet?: boolean }): void;
