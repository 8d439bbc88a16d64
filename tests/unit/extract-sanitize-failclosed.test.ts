/**
 * Unpatched happy-dom makes DOMPurify 3.5 fail open (see happy-dom-dompurify.ts). The sanitizer
 * must notice and refuse rather than return page HTML with its handlers intact.
 */
import { Window as HappyWindow } from 'happy-dom';
import { extract } from '@/lib/extract';
import { sanitizeHtml } from '@/lib/sanitize';

const PARA =
  'قال المتحدث باسم الوزارة إن الاجتماع تناول قضايا عديدة تخص التعاون الاقتصادي والتجاري بين البلدين.';

it('refuses to sanitize where DOMPurify does not hold, and extraction reports an error', async () => {
  const win = new HappyWindow({
    url: 'https://site.example/a',
    settings: { disableIframePageLoading: true },
  });
  win.document.write(
    `<html><body><article>${Array.from({ length: 6 }, () => `<p>${PARA}</p>`).join('')}<img src="x" onerror="alert(1)"></article></body></html>`,
  );
  expect(() =>
    sanitizeHtml(win as unknown as Window, '<img src=x onerror=alert(1)>', 'https://site.example/'),
  ).toThrow(/does not sanitize/);
  const res = extract(win.document as unknown as Document);
  expect(res).toMatchObject({ ok: false, reason: 'error' });
  if (!res.ok) expect(res.detail).toMatch(/does not sanitize/);
  await win.happyDOM.close();
});
