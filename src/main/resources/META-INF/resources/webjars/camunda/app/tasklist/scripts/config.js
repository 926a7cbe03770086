// Tasklist's settings for the reviewers' desk (Camunda 7 "Tasklist configuration").
// Locales: the reviewer's browser language picks English or Simplified Chinese (locales/en.json, locales/zh.json);
// anything else falls back to English. The reviewer can switch in the user menu.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Identity verification'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  csrfCookieName: 'XSRF-TOKEN',
  disableWelcomeMessage: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
