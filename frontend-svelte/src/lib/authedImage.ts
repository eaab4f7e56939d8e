import { bearer } from './auth';

/**
 * `use:authedSrc={url}`: an <img> cannot send a bearer token, so when signed in with OIDC the bytes are fetched
 * with it and shown from an object URL; in local mode the URL is used as it is.
 */
export function authedSrc(node: HTMLImageElement, url: string) {
  let objectUrl: string | null = null;
  async function load(src: string) {
    const token = bearer();
    if (!token) {
      node.src = src;
      return;
    }
    const response = await fetch(src, { headers: { Authorization: token } });
    if (!response.ok) {
      return;
    }
    if (objectUrl) {
      URL.revokeObjectURL(objectUrl);
    }
    objectUrl = URL.createObjectURL(await response.blob());
    node.src = objectUrl;
  }
  load(url);
  return {
    update: (next: string) => load(next),
    destroy: () => { if (objectUrl) { URL.revokeObjectURL(objectUrl); } },
  };
}

/** Saves an image, with the token when signed in with OIDC (a plain download link could not send it). */
export async function download(url: string, name: string) {
  const token = bearer();
  const response = await fetch(url, token ? { headers: { Authorization: token } } : {});
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: objectUrl, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 1000);
}
