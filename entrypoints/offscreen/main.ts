import { serveOffscreenExtract } from '@/lib/fetch/offscreen-host';

serveOffscreenExtract();
