import { serveOffscreen } from '@/lib/fetch/offscreen-host';

serveOffscreen();
