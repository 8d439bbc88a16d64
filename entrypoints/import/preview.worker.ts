// The import preview's parse, off the import page's thread and out of the background.
import { previewImportFile } from '@/lib/import/preview-file';

self.onmessage = (e: MessageEvent<unknown>) => self.postMessage(previewImportFile(e.data));
