// Runs before the first paint: applies the theme the person chose, or the
// system's, so that a dark page never flashes light while loading.
;(function applyTheme() {
  var choice = null
  try {
    choice = window.localStorage.getItem('custos.theme')
  } catch {
    // Storage can be off (private windows); the system's theme applies.
  }
  var prefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches
  var dark = choice === 'dark' || (choice !== 'light' && prefersDark)
  document.documentElement.classList.toggle('dark', dark)
})()
