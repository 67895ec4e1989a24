import { createApp } from 'vue'
import App from './App.vue'
import { router, goToLogin } from './router'
import { i18n } from './i18n'
import { setUnauthorizedHandler } from './api/client'
import 'element-plus/theme-chalk/base.css'
import './style.css'

setUnauthorizedHandler(goToLogin)
document.documentElement.lang = i18n.global.locale.value

createApp(App).use(i18n).use(router).mount('#app')
