// Build-time constants injected by vite.config.ts `define`.
declare const __FEED_PUBLIC_KEY__: string;
declare const __DEMO_PUBLIC_KEY__: string;
declare const __APP_VERSION__: string;
/** ISO time the app was built. */
declare const __APP_BUILT_AT__: string;
declare const __FEED_URL__: string;
declare const __EMBEDDED_PUBLIC_KEY__: string;
