/* Type-ahead in the pickers (governance.pickers): typing in a picker's search field narrows
   its list to the choices whose name (or group) holds every word typed; what is checked or
   selected stays shown, so a choice is never hidden while it counts. The count is announced
   (aria-live). Without this script the field offers the names as a <datalist> and the name
   typed is chosen on sending; with it the field only narrows, so it is neither sent nor
   suggests. */
(function () {
  "use strict";

  function words(text) {
    return text.toLocaleLowerCase("sv").split(/\s+/).filter(Boolean);
  }

  // Each choice of the list: the element to hide, its words, whether it is chosen.
  function choices(picker) {
    var found = [];
    picker.querySelectorAll("option").forEach(function (option) {
      if (option.value && option.parentElement.tagName !== "DATALIST") {
        var group = option.parentElement.label || "";
        found.push({ element: option, text: option.text + " " + group, chosen: option.selected });
      }
    });
    picker.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      var row = box.closest("label").parentElement;
      var group = row.parentElement.querySelector(":scope > label");
      var text = box.closest("label").textContent + " " + (group ? group.textContent : "");
      found.push({ element: row, text: text, chosen: box.checked });
    });
    return found;
  }

  // A group (optgroup, or the div Django wraps a checkbox group in) shows while any of its
  // choices does.
  function showGroups(picker) {
    picker.querySelectorAll("optgroup, [data-picker] div > div > label:not([for])").forEach(
      function (node) {
        var group = node.tagName === "OPTGROUP" ? node : node.parentElement;
        var rows = group.tagName === "OPTGROUP" ? group.children : group.querySelectorAll(":scope > div");
        group.hidden = Array.prototype.every.call(rows, function (row) { return row.hidden; });
      }
    );
  }

  function narrow(input) {
    var picker = input.closest("[data-picker]");
    var terms = words(input.value);
    var all = choices(picker);
    var shown = 0;
    all.forEach(function (choice) {
      var text = choice.text.toLocaleLowerCase("sv");
      var matches = terms.every(function (term) { return text.indexOf(term) !== -1; });
      choice.element.hidden = !(matches || choice.chosen);
      shown += choice.element.hidden ? 0 : 1;
    });
    showGroups(picker);
    picker.querySelector("[data-picker-count]").textContent = picker.dataset.countText
      .replace("{shown}", shown)
      .replace("{total}", all.length);
  }

  function enhance(root) {
    root.querySelectorAll("[data-picker-search][name]").forEach(function (input) {
      input.removeAttribute("name");
      input.removeAttribute("list");
    });
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("[data-picker-search]")) {
      narrow(event.target);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (!event.target.matches || !event.target.matches("[data-picker-search]")) {
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault(); // narrowing, not sending the form
    } else if (event.key === "Escape" && event.target.value) {
      event.preventDefault();
      event.target.value = "";
      narrow(event.target);
    }
  });

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
