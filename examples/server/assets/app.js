// Shows the fields of the chosen category without a reload. The page works without
// it: the server renders the chosen category's fields, and the "show" button asks for
// another category's.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var select = document.getElementById("f-category");
  if (!select) {
    return;
  }
  document.querySelectorAll(".nojs").forEach(function (el) { el.hidden = true; });
  function show() {
    document.querySelectorAll("fieldset.category").forEach(function (fs) {
      var on = fs.dataset.category === select.value;
      fs.hidden = !on;
      fs.disabled = !on; // a disabled fieldset is not submitted
    });
  }
  select.addEventListener("change", show);
  show();
});
