/** A cookie value URI-decoded; as it is when it does not decode (a cookie another site on this host set). */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** One cookie's value in a `Cookie` header or a `document.cookie` string (null when absent). */
export function cookieIn(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return decoded(part.slice(separator + 1).trim());
  }
  return null;
}
