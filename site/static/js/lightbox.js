/* Photo album lightbox. Without JavaScript each photo is a link to the full image; with it, the link opens the
   photo in a <dialog>: arrows (keys or buttons) and swipes move between photos, Esc or the close button closes it and
   gives focus back to the photo it was opened from. */
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var grid = document.querySelector("[data-lightbox]");
    if (!grid || typeof HTMLDialogElement === "undefined") { return; }
    var links = Array.prototype.slice.call(grid.querySelectorAll(".photo-grid__link"));
    if (!links.length) { return; }
    var words = {  // translated by the page
      close: grid.getAttribute("data-label-close"),
      previous: grid.getAttribute("data-label-previous"),
      next: grid.getAttribute("data-label-next")
    };

    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", document.title);
    dialog.innerHTML =
      '<figure class="lightbox__figure"><img class="lightbox__image" alt=""><figcaption class="lightbox__caption"></figcaption></figure>' +
      '<p class="lightbox__counter" aria-live="polite"></p>' +
      '<button type="button" class="lightbox__button lightbox__button--previous"></button>' +
      '<button type="button" class="lightbox__button lightbox__button--next"></button>' +
      '<button type="button" class="lightbox__button lightbox__button--close"></button>';
    document.body.appendChild(dialog);
    var image = dialog.querySelector(".lightbox__image");
    var caption = dialog.querySelector(".lightbox__caption");
    var counter = dialog.querySelector(".lightbox__counter");
    var previous = dialog.querySelector(".lightbox__button--previous");
    var next = dialog.querySelector(".lightbox__button--next");
    var close = dialog.querySelector(".lightbox__button--close");
    previous.textContent = "‹"; previous.setAttribute("aria-label", words.previous);
    next.textContent = "›"; next.setAttribute("aria-label", words.next);
    close.textContent = "×"; close.setAttribute("aria-label", words.close);
    var current = 0;

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      var thumbnail = link.querySelector("img");
      var figure = link.closest("figure");
      var text = figure && figure.querySelector("figcaption");
      image.src = link.href;
      image.width = Number(link.getAttribute("data-width")) || 0;
      image.height = Number(link.getAttribute("data-height")) || 0;
      image.alt = thumbnail ? thumbnail.alt : "";
      caption.textContent = text ? text.textContent.trim() : "";
      counter.textContent = (current + 1) + " / " + links.length;
      dialog.setAttribute("data-index", String(current));
    }

    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) { return; }
        event.preventDefault();
        show(index);
        dialog.showModal();
        close.focus();
      });
    });
    previous.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    close.addEventListener("click", function () { dialog.close(); });
    // After the browser's own focus restoration (to the photo the dialog was opened from): the photo shown last.
    dialog.addEventListener("close", function () { setTimeout(function () { links[current].focus(); }, 0); });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) { dialog.close(); } });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { event.preventDefault(); show(current - 1); }
      else if (event.key === "ArrowRight") { event.preventDefault(); show(current + 1); }
      else if (event.key === "Home") { event.preventDefault(); show(0); }
      else if (event.key === "End") { event.preventDefault(); show(links.length - 1); }
    });

    var startX = null;
    dialog.addEventListener("touchstart", function (event) {
      startX = event.touches.length === 1 ? event.touches[0].clientX : null;
    }, { passive: true });
    dialog.addEventListener("touchend", function (event) {
      if (startX === null || !event.changedTouches.length) { return; }
      var distance = event.changedTouches[0].clientX - startX;
      startX = null;
      if (Math.abs(distance) > 40) { show(current + (distance < 0 ? 1 : -1)); }
    });
  });
})();
