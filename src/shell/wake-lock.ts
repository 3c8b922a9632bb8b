/** Keeps the screen awake where the Screen Wake Lock API exists; re-acquires after the page is shown again. */

export function holdWakeLock(): () => void {
  let sentinel: WakeLockSentinel | null = null;
  let disposed = false;
  const acquire = async () => {
    if (disposed || document.visibilityState !== 'visible' || !('wakeLock' in navigator)) return;
    try {
      const lock = await navigator.wakeLock.request('screen');
      if (disposed) void lock.release().catch(() => {});
      else sentinel = lock;
    } catch {
      // Refused (e.g. power saving); the kiosk's OS settings remain the fallback.
    }
  };
  const onVisible = () => void acquire();
  document.addEventListener('visibilitychange', onVisible);
  void acquire();
  return () => {
    disposed = true;
    document.removeEventListener('visibilitychange', onVisible);
    void sentinel?.release().catch(() => {});
  };
}
