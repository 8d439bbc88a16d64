/** Site access the background fetches need; optional where the manifest declares it so. */
export const FETCH_ORIGINS = ['http://*/*', 'https://*/*'];
