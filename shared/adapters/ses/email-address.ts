/**
 * Which email addresses sla-watch sends to: a strict, practical subset of RFC 5321 (dot-atom
 * local part, a domain of DNS labels with an alphabetic top-level label), at most 254
 * characters. SES accepts far stranger syntax and the local emulator accepts anything, so
 * addresses are checked here, before a request leaves, and a typo in the configuration fails
 * loudly instead of bouncing silently. Quoted local parts and IP literals are refused on purpose.
 */
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const ADDRESS = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+[A-Za-z]{2,63}$`);
const MAX_ADDRESS = 254;
const MAX_LOCAL = 64;

/** A sender may carry a display name: `sla-watch <alerts@example.com>` (printable ASCII only). */
const NAMED = /^([ !#-;=?-[\]-~]*?) *<([^<>]+)>$/;

export function isValidEmailAddress(address: string): boolean {
  if (address.length === 0 || address.length > MAX_ADDRESS) return false;
  if (/[\r\n]/.test(address) || !ADDRESS.test(address)) return false;
  return address.indexOf('@') <= MAX_LOCAL;
}

/** A bare address, or `Display Name <address>` without quotes, angle brackets or controls in the name. */
export function isValidSender(from: string): boolean {
  return !/[\r\n]/.test(from) && isValidEmailAddress(senderAddress(from));
}

/** The address of a sender: the one inside `Name <address>`, or the bare address. */
export function senderAddress(from: string): string {
  const named = NAMED.exec(from);
  return named === null ? from : (named[2] ?? '');
}
