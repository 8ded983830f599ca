import 'amex-chat';
import type {} from 'amex-chat/vue';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
