/* The workbench's actions menus: <details class="actions-menu"> opens and closes without
   JavaScript (Enter or Space on its summary, which browsers expose as expanded or collapsed).
   This adds what a menu button is expected to do: one menu open at a time, Escape closes it
   and puts the focus back on its button, moving the focus or clicking elsewhere closes it.
   It also empties the status region ("Sparat.") when the next request starts. */
(function () {
  "use strict";

  var MENU = "details.actions-menu";

  function closeOthers(keep) {
    document.querySelectorAll(MENU + "[open]").forEach(function (menu) {
      if (menu !== keep && !menu.contains(keep)) {
        menu.open = false;
      }
    });
  }

  // "toggle" does not bubble: listen while it travels down.
  document.addEventListener(
    "toggle",
    function (event) {
      var menu = event.target;
      if (menu.matches && menu.matches(MENU) && menu.open) {
        closeOthers(menu);
      }
    },
    true
  );

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !event.target.closest) {
      return;
    }
    var menu = event.target.closest(MENU + "[open]");
    if (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });

  document.addEventListener("focusout", function (event) {
    var menu = event.target.closest ? event.target.closest(MENU + "[open]") : null;
    // No related target: the focus went nowhere (an element swapped away), keep it open.
    if (menu && event.relatedTarget && !menu.contains(event.relatedTarget)) {
      menu.open = false;
    }
  });

  document.addEventListener("click", function (event) {
    closeOthers(event.target);
  });

  document.addEventListener("htmx:beforeRequest", function () {
    var status = document.getElementById("sparat");
    if (status) {
      status.replaceChildren();
    }
  });
})();
