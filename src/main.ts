/** Page entry: mounts the kiosk UI and boots the shell. */
import { mount } from 'svelte';
import App from './App.svelte';
import './styles/global.css';
import { bootKiosk } from './shell/boot';

mount(App, { target: document.getElementById('app')! });
void bootKiosk();
