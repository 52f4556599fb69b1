// Suggestions while typing a job title. Live site: /api/roles?q=. Static export: window.CAREERPATH_ROLES.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("q-suggest");
  if (!input || !list) return;
  var body = document.body;
  var staticMode = body.getAttribute("data-mode") === "static";
  var roleHref = body.getAttribute("data-role-href");
  var timer = null, seq = 0, active = -1, items = [];

  function href(slug) { return roleHref.replace("__slug__", encodeURIComponent(slug)); }

  function render(roles) {
    items = roles.slice(0, 8);
    active = -1;
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (r, i) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = href(r.slug);
      a.id = "q-opt-" + i;
      a.setAttribute("role", "option");
      a.textContent = r.title;  // text, never HTML
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
  }

  function localSearch(q) {
    var roles = window.CAREERPATH_ROLES || [];
    q = q.toLowerCase();
    var hits = roles.filter(function (r) {
      return r.title.toLowerCase().indexOf(q) >= 0 || (r.aliases || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    });
    hits.sort(function (a, b) {
      return (a.title.toLowerCase().indexOf(q) === 0 ? 0 : 1) - (b.title.toLowerCase().indexOf(q) === 0 ? 0 : 1);
    });
    return hits;
  }

  function update() {
    var q = input.value.trim();
    if (q.length < 2) { render([]); return; }
    if (staticMode) { render(localSearch(q)); return; }
    var mine = ++seq;
    fetch("/api/roles?limit=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { roles: [] }; })
      .then(function (data) { if (mine === seq) render(data.roles || []); })
      .catch(function () { render([]); });
  }

  function highlight(i) {
    var links = list.querySelectorAll("a");
    links.forEach(function (a, j) { a.setAttribute("aria-selected", j === i ? "true" : "false"); });
    active = i;
    if (i >= 0 && links[i]) input.setAttribute("aria-activedescendant", links[i].id);
    else input.removeAttribute("aria-activedescendant");
  }

  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 120); });
  input.addEventListener("keydown", function (e) {
    if (list.hidden) return;
    if (e.key === "ArrowDown") { e.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
    else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(active - 1, -1)); }
    else if (e.key === "Escape") { e.preventDefault(); render([]); }
    else if (e.key === "Enter" && active >= 0) { e.preventDefault(); window.location.href = href(items[active].slug); }
  });
  input.form.addEventListener("submit", function (e) {
    if (!staticMode) return;  // the live site's /search redirects to the best role
    e.preventDefault();
    var hits = localSearch(input.value.trim());
    if (hits.length) window.location.href = href(hits[0].slug);
  });
  document.addEventListener("click", function (e) { if (!list.contains(e.target) && e.target !== input) render([]); });
})();
