// Veille: optional improvements; every page works without this script.
// Commune suggestions from the whole list of French communes while typing.
(function () {
  var input = document.getElementById('commune');
  var list = document.getElementById('communes-suggestions');
  if (!input || !list || !window.fetch) return;
  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    var prefix = input.value.trim();
    if (prefix.length < 2) return;
    timer = setTimeout(function () {
      fetch('/api/communes?prefix=' + encodeURIComponent(prefix))
        .then(function (r) { return r.ok ? r.json() : { communes: [] }; })
        .then(function (data) {
          list.textContent = '';
          data.communes.forEach(function (c) {
            var o = document.createElement('option');
            o.value = c.insee;
            o.label = c.name + ' (' + c.departement + ') — ' + c.documents + ' doc.';
            o.textContent = o.label;
            list.appendChild(o);
          });
        })
        .catch(function () {});
    }, 150);
  });
})();
