/* Progressive enhancements: everything works without this file; it adds the phone menu toggle, text size,
   print, "back" through history and the click-to-load YouTube player. No third-party requests on load. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var SIZE_KEY = "portal-font-size";
  function applySize(size) {
    size = Math.max(-1, Math.min(2, size));
    if (size === 0) { root.removeAttribute("data-font-size"); } else { root.setAttribute("data-font-size", String(size)); }
    try { localStorage.setItem(SIZE_KEY, String(size)); } catch (e) { /* private mode: size lasts for this page only */ }
    return size;
  }
  var currentSize = 0;
  try { currentSize = parseInt(localStorage.getItem(SIZE_KEY) || "0", 10) || 0; } catch (e) { currentSize = 0; }
  currentSize = applySize(currentSize);

  // The visit is counted by a small POST after the page is shown (so pages served from a cache count too);
  // the answer carries the counters for the footer.
  function countVisit() {
    var body = document.body;
    var pageId = body.getAttribute("data-page-id");
    var url = body.getAttribute("data-beacon-url");
    if (!pageId || !url || !window.fetch) { return; }
    var send = function () {
      fetch(url, {
        method: "POST",
        keepalive: true,
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ page: Number(pageId) })
      })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (counters) {
          if (!counters) { return; }
          ["online", "today", "month", "total"].forEach(function (name) {
            var cell = document.querySelector("[data-counter='" + name + "']");
            if (cell && typeof counters[name] === "number") { cell.textContent = counters[name].toLocaleString("vi-VN"); }
          });
        })
        .catch(function () { /* the server-rendered numbers stay */ });
    };
    if (document.prerendering) {
      document.addEventListener("prerenderingchange", send, { once: true });
    } else if (document.visibilityState === "visible") {
      send();
    } else {
      var onVisible = function () {
        if (document.visibilityState === "visible") {
          document.removeEventListener("visibilitychange", onVisible);
          send();
        }
      };
      document.addEventListener("visibilitychange", onVisible);
    }
  }

  // The citizens' forms carry a proof-of-work challenge (portal/guard.py, the ALTCHA format): find the number whose
  // SHA-256 with the salt is the challenge, in batches so the page stays responsive. A form sent before the answer
  // is found waits for it; without Web Crypto the form is sent without a proof and the server applies a tighter limit.
  function solveProof(challenge) {
    var encoder = new TextEncoder();
    var toHex = function (buffer) {
      return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    };
    var batch = function (start) {
      if (start > challenge.maxNumber) { return Promise.resolve(null); }
      var end = Math.min(start + 500, challenge.maxNumber + 1);
      var tries = [];
      for (var n = start; n < end; n++) {
        tries.push(crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + n)));
      }
      return Promise.all(tries).then(function (hashes) {
        for (var i = 0; i < hashes.length; i++) {
          if (toHex(hashes[i]) === challenge.challenge) { return start + i; }
        }
        return batch(end);
      });
    };
    return batch(0);
  }

  function guardForms() {
    document.querySelectorAll("input[data-proof-challenge]").forEach(function (input) {
      var form = input.form;
      if (!form || !window.crypto || !crypto.subtle || !window.TextEncoder || !window.Promise) { return; }
      var challenge = JSON.parse(input.getAttribute("data-proof-challenge"));
      var solved = solveProof(challenge).then(function (number) {
        if (number === null) { return; }
        input.value = btoa(JSON.stringify({
          algorithm: challenge.algorithm, challenge: challenge.challenge, number: number,
          salt: challenge.salt, signature: challenge.signature
        }));
      }).catch(function () { /* no proof: the server still accepts the form, under a tighter limit */ });
      var waiting = false;
      form.addEventListener("submit", function (event) {
        if (input.value || waiting) { return; }
        event.preventDefault();
        waiting = true;
        var button = event.submitter;
        if (button) { button.disabled = true; }
        solved.then(function () { form.submit(); });
      });
    });
  }

  // "Was this page useful?" (ratings/views.py): the answer and the optional comment are sent in the background, and
  // the question gives way to the thanks and the comment box. Without this the form leads to a thank-you page, and
  // if the background request fails the form is sent that way.
  function postForm(form, fields) {
    return fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString()
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    });
  }

  function showError(form, data) {
    var error = form.querySelector("[data-rating-error]");
    error.textContent = data.error || "";
    error.hidden = !data.error;
    form.querySelectorAll("button").forEach(function (button) { button.disabled = false; });
  }

  function sendComment(comment, message) {
    comment.addEventListener("submit", function (event) {
      event.preventDefault();
      comment.querySelector("button[type='submit']").disabled = true;
      postForm(comment, { token: comment.elements.token.value, text: comment.elements.text.value })
        .then(function (answer) {
          if (!answer.ok) { showError(comment, answer.data); return; }
          message.textContent = answer.data.message;
          comment.remove();
          message.focus();
        })
        .catch(function () { comment.submit(); });
    });
  }

  function ratePage() {
    var widget = document.querySelector("[data-rating]");
    var form = widget && widget.querySelector("[data-rating-form]");
    var after = widget && widget.querySelector("template[data-rating-after]");
    var message = widget && widget.querySelector("[data-rating-message]");
    if (!form || !after || !message || !window.fetch || !window.URLSearchParams) { return; }
    form.addEventListener("submit", function (event) {
      var choice = event.submitter;
      if (!choice || choice.name !== "useful") { return; }
      event.preventDefault();
      form.querySelectorAll("button").forEach(function (button) { button.disabled = true; });
      postForm(form, { page: form.elements.page.value, useful: choice.value })
        .then(function (answer) {
          if (!answer.ok) { showError(form, answer.data); return; }
          message.textContent = answer.data.message;
          var content = after.content.cloneNode(true);
          var comment = content.querySelector("[data-rating-comment]");
          if (comment && answer.data.token) {
            comment.elements.token.value = answer.data.token;
            sendComment(comment, message);
            widget.appendChild(content);
          }
          form.remove();
          message.focus();
        })
        .catch(function () {
          var field = document.createElement("input");
          field.type = "hidden";
          field.name = "useful";
          field.value = choice.value;
          form.appendChild(field);
          form.submit();
        });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    guardForms();

    var sizeGroup = document.querySelector(".font-size");
    if (sizeGroup) {
      sizeGroup.hidden = false;
      sizeGroup.addEventListener("click", function (event) {
        var button = event.target.closest("[data-font-size]");
        if (!button) { return; }
        var action = button.getAttribute("data-font-size");
        currentSize = applySize(action === "reset" ? 0 : currentSize + (action === "larger" ? 1 : -1));
      });
    }

    var nav = document.querySelector(".main-nav");
    var toggle = nav && nav.querySelector(".main-nav__toggle");
    if (toggle) {
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        var open = nav.classList.toggle("is-open");
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
      });
      nav.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && nav.classList.contains("is-open")) {
          nav.classList.remove("is-open");
          toggle.setAttribute("aria-expanded", "false");
          toggle.focus();
        }
      });
    }

    var toTop = document.querySelector(".to-top");
    if (toTop) {
      var updateToTop = function () { toTop.classList.toggle("is-visible", window.scrollY > 600); };
      window.addEventListener("scroll", updateToTop, { passive: true });
      updateToTop();
    }

    document.querySelectorAll("[data-action='print']").forEach(function (control) {
      control.hidden = false;
      control.addEventListener("click", function (event) {
        event.preventDefault();
        window.print();
      });
    });

    document.querySelectorAll("[data-action='back']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var sameSite = document.referrer && document.referrer.indexOf(window.location.origin + "/") === 0;
        if (sameSite && window.history.length > 1) {
          event.preventDefault();
          window.history.back();
        }
      });
    });

    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
      var field = document.getElementById(button.getAttribute("data-copy-target"));
      if (!field || !navigator.clipboard) { return; }
      button.hidden = false;
      var label = button.textContent;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(function () {
          button.textContent = button.getAttribute("data-copied-text") || label;
          window.setTimeout(function () { button.textContent = label; }, 2500);
        }, function () {
          field.focus();
          field.select();
        });
      });
    });

    var suggestions = document.getElementById("search-suggestions");
    document.querySelectorAll("[data-suggest-url]").forEach(function (input) {
      if (!suggestions || !window.fetch) { return; }
      var timer = null;
      var lastAsked = "";
      input.addEventListener("input", function () {
        window.clearTimeout(timer);
        var words = input.value.trim();
        if (words.length < 2 || words === lastAsked) { return; }
        timer = window.setTimeout(function () {
          lastAsked = words;
          fetch(input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(words), { headers: { Accept: "application/json" } })
            .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
            .then(function (data) {
              suggestions.textContent = "";
              data.suggestions.forEach(function (item) {
                var option = document.createElement("option");
                option.value = item.title;
                suggestions.appendChild(option);
              });
            })
            .catch(function () { /* suggestions are a convenience; searching still works */ });
        }, 200);
      });
    });

    countVisit();
    ratePage();

    // YouTube facades: the player (youtube-nocookie.com) is created only when the visitor clicks.
    document.querySelectorAll("[data-youtube-embed]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var frame = document.createElement("iframe");
        frame.src = link.getAttribute("data-youtube-embed");
        frame.title = link.getAttribute("data-title") || "";
        frame.allow = "autoplay; encrypted-media; picture-in-picture";
        frame.allowFullscreen = true;
        link.replaceWith(frame);
        frame.focus();
      });
    });
  });
})();
