/** Page entry: mounts the kiosk UI and boots the shell, or says why it cannot run where it was opened. */
import { mount } from 'svelte';
import App from './App.svelte';
import InsecureNotice from './components/InsecureNotice.svelte';
import './styles/global.css';
import { bootKiosk } from './shell/boot';

const target = document.getElementById('app')!;
// Signature checks (WebCrypto), pack storage (Cache Storage) and the service worker exist only in a
// secure context. Over plain HTTP on a LAN address the boot would stop on a TypeError; instead the
// screen says so and how to open the kiosk in a way that works.
if (window.isSecureContext) {
  mount(App, { target });
  void bootKiosk();
} else {
  mount(InsecureNotice, { target });
}
