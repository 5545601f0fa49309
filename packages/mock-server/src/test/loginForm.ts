/** Test helper: reads the mock login page like a browser would (form fields, checked radio) and submits it. */

const ENTITY: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

const decode = (text: string): string =>
  text.replace(/&(?:amp|lt|gt|quot|#39);/gu, (entity) => ENTITY[entity] ?? entity);

/** The fields a browser would submit from the page's form (hidden inputs plus the checked radio). */
export function readLoginForm(html: string): { action: string; fields: URLSearchParams } {
  const action = /<form method="post" action="([^"]+)"/u.exec(html)?.[1];
  if (action === undefined) throw new Error('No login form on the page.');
  const fields = new URLSearchParams();
  for (const match of html.matchAll(
    /<input type="(hidden|radio)" name="([^"]+)" value="([^"]*)"( checked)?>/gu,
  )) {
    const [, type, name = '', value = '', checked] = match;
    if (type === 'hidden' || checked !== undefined) fields.append(name, decode(value));
  }
  return { action: decode(action), fields };
}

/** GETs the login page, submits it with `decision` (and optionally another user), returns the 302 Location. */
export async function submitLoginPage(
  pageUrl: string,
  decision: 'authorize' | 'deny',
  user?: string,
): Promise<string> {
  const page = await fetch(pageUrl);
  if (page.status !== 200) throw new Error(`Login page answered ${page.status}.`);
  const { action, fields } = readLoginForm(await page.text());
  if (user !== undefined) fields.set('user', user);
  fields.set('decision', decision);
  const response = await fetch(new URL(action, pageUrl), {
    method: 'POST',
    body: fields,
    redirect: 'manual',
  });
  const location = response.headers.get('location');
  if (response.status !== 302 || location === null)
    throw new Error(`Submit answered ${response.status}.`);
  return location;
}
