// Runs before the page is first painted (a classic script in <head>; no inline script, see the
// Content-Security-Policy). The body carries the story's first screen as static HTML, written at
// build time for the explorer's default address; until the app replaces it, it must look exactly
// as the app will. So: the reader's chosen theme now (src/components/theme.rs keeps it), and at
// any other address (a view, filters, an article) the loading indicator instead of a screen that
// is not the one asked for.
(function () {
  var root = document.documentElement;
  try {
    var theme = localStorage.getItem('presslens-theme');
    if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
  } catch (e) {
    // Storage refused (a file:// page in some browsers, privacy settings): the system theme stays.
  }
  if (location.search.length > 1) root.classList.add('deep');
})();
