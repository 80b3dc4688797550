/** Whether a browser asks for a page (and no API client asks with a key). */
import type { Context } from 'hono';

export function wantsPage(c: Context): boolean {
  if (c.req.header('authorization') !== undefined) return false;
  const accept = c.req.header('accept') ?? '';
  return accept.includes('text/html');
}
