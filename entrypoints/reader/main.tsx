import { render } from 'preact';
import browser from 'webextension-polyfill';
import { ask } from '@/lib/messaging';
import type { Article } from '@/lib/article';

function View({ article }: { article: Article }) {
  return (
    <main lang={article.lang} dir={article.dir}>
      <h1>{article.title}</h1>
      <article dangerouslySetInnerHTML={{ __html: article.content }} />
    </main>
  );
}

async function boot(): Promise<void> {
  const token = new URLSearchParams(location.hash.slice(1)).get('t') ?? '';
  const got = await ask('reader:get', { token });
  const app = document.getElementById('app');
  if (!app) return;
  if (!got) {
    app.textContent = browser.i18n.getMessage('readerMissing') || 'تعذر فتح المقال';
    return;
  }
  render(<View article={got.article} />, app);
  addEventListener('keydown', (e) => {
    if (e.key === 'Escape') parent.postMessage('qari:close', '*');
  });
}

void boot();
