/** What is missing from the sign-in form, as i18n keys per field; empty when it can be sent. */
export function loginProblems(email: string, password: string): { email?: string; password?: string } {
  const out: { email?: string; password?: string } = {};
  const e = email.trim();
  if (!e) out.email = 'life.login.emailRequired';
  else if (!/^[^\s@]+@[^\s@]+$/.test(e)) out.email = 'life.login.emailInvalid';
  if (!password) out.password = 'life.login.passwordRequired';
  return out;
}
