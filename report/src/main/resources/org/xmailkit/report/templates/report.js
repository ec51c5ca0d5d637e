// Sorting and filtering for the fleet table. The table is complete and readable without this script.
(function () {
  'use strict';
  function key(cell, type) {
    var v = cell.getAttribute('data-value');
    if (v === null) { v = cell.textContent.trim(); }
    if (type === 'num') { var n = parseFloat(v); return isNaN(n) ? 0 : n; }
    return v.toLowerCase();
  }
  function sortBy(table, th, col) {
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) {
      if (heads[i].hasAttribute('aria-sort')) { heads[i].setAttribute('aria-sort', 'none'); }
    }
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var type = th.getAttribute('data-sort');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[col], type);
      var y = key(b.cells[col], type);
      var r = x < y ? -1 : (x > y ? 1 : 0);
      if (r === 0) { r = parseInt(a.getAttribute('data-index'), 10) - parseInt(b.getAttribute('data-index'), 10); return r; }
      return ascending ? r : -r;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      if (!th.hasAttribute('data-sort')) { return; }
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () { sortBy(table, th, col); });
    });
  });
  var form = document.getElementById('filter');
  var table = document.getElementById('servers');
  if (!form || !table) { return; }
  form.hidden = false;
  var text = document.getElementById('filter-text');
  var grade = document.getElementById('filter-grade');
  var ready = document.getElementById('filter-readiness');
  var status = document.getElementById('filter-status');
  var template = status.getAttribute('data-template');
  function apply() {
    var q = text.value.trim().toLowerCase();
    var rows = table.tBodies[0].rows;
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var ok = (!q || row.textContent.toLowerCase().indexOf(q) >= 0)
        && (!grade.value || row.getAttribute('data-grade') === grade.value)
        && (!ready.value || row.getAttribute('data-readiness') === ready.value);
      row.hidden = !ok;
      if (ok) { shown++; }
    }
    status.textContent = template.replace('{0}', String(shown)).replace('{1}', String(rows.length));
  }
  text.addEventListener('input', apply);
  grade.addEventListener('change', apply);
  ready.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
})();
