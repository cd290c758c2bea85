/** The API key lives in localStorage so a reload keeps the session; "Sign out" removes it. */
const STORAGE_KEY = 'flowledger.apiKey';

export function storedKey(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled (private mode policies): sign in per page load
  }
}

export function storeKey(key: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, key);
  } catch {
    // The session still works for this page; it just will not survive a reload.
  }
}

export function forgetKey(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
}
