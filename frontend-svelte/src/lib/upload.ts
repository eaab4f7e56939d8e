import { ApiError } from './api';
import { bearer } from './auth';

/** What POST /uploads answers. */
export interface Uploaded { id: string; url: string; width: number; height: number; mimeType: string }

/**
 * Keeps an image (a file the user picked, or a painted mask) as one of their UPLOADED images. Refusals come back in
 * the GraphQL error shape and are raised as an ApiError with their code.
 */
export async function uploadImage(file: Blob, name: string): Promise<Uploaded> {
  const form = new FormData();
  form.append('file', file, name);
  const token = bearer();
  const response = await fetch('/uploads', { method: 'POST', body: form, headers: token ? { Authorization: token } : {} });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const first = body?.errors?.[0];
    throw new ApiError(String(first?.extensions?.code ?? 'NETWORK'), first?.message ?? `The upload failed (${response.status})`);
  }
  return body as Uploaded;
}
