// The import file's parse (for the preview and for the start), off the import page's thread and
// out of the background.
import { answerWorkerTask } from '@/lib/import/preview-file';

self.onmessage = (e: MessageEvent<unknown>) =>
  answerWorkerTask(e.data, (answer) => self.postMessage(answer));
