// Saving a text or a data URL as a file through a temporary link. Browser only; no state.

/** Offers `text` as a download named `name`. */
export function downloadText(text: string, name: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadUrl(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offers a URL (object or data URL) as a download named `name`. */
export function downloadUrl(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
}

/** A file-name stem from a subnet name: lower-case letters, digits, `-` and `_`. */
export function fileStem(name: string): string {
  return (name || 'subnet').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'subnet';
}
