// The try-it page: a client of the public API and nothing more, so it doubles as a reference for integrators.
// Every value from a result reaches the page through textContent or an attribute, never as HTML.
"use strict";

(() => {
  const keyStorage = "kycocr.apiKey";
  const maxPages = 4;
  const $ = (id) => document.getElementById(id);
  const state = { files: [], taskId: null, objectUrls: [], busy: false };

  // ---- small DOM helpers ----
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === "text") node.textContent = String(value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) node.append(child);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function objectUrl(blob) {
    const url = URL.createObjectURL(blob);
    state.objectUrls.push(url);
    return url;
  }

  function revokeObjectUrls() {
    for (const url of state.objectUrls) URL.revokeObjectURL(url);
    state.objectUrls = [];
  }

  // ---- the key: per-tab storage only, sent as a header ----
  function apiKey() {
    return sessionStorage.getItem(keyStorage);
  }

  function showKeyState() {
    const key = apiKey();
    $("key-status").textContent = key ? "A key is set for this tab." : "Enter the API key to start.";
    $("forget-key").hidden = !key;
    $("key-form").hidden = !!key;
    updateSubmit();
  }

  function askForKeyAgain(message) {
    sessionStorage.removeItem(keyStorage);
    showKeyState();
    $("key-status").textContent = message;
    $("api-key").focus();
  }

  async function call(method, path, body) {
    const headers = { "X-API-Key": apiKey() || "" };
    const response = await fetch(path, { method, headers, body, cache: "no-store", credentials: "omit" });
    if (response.status === 401) {
      askForKeyAgain("The service refused this key (401): enter a valid API key.");
    }
    return response;
  }

  async function jsonOf(response) {
    try {
      return await response.json();
    } catch {
      return null;
    }
  }

  // ---- choosing photos ----
  function addFiles(list) {
    for (const file of list) {
      if (state.files.length >= maxPages) break;
      if (file.type && !file.type.startsWith("image/")) continue;
      state.files.push(file);
    }
    showChosen();
  }

  function showChosen() {
    const chosen = $("chosen");
    clear(chosen);
    state.files.forEach((file, i) => {
      chosen.append(el("li", { text: `Page ${i + 1}: ${file.name} (${Math.round(file.size / 1024)} KB)` }));
    });
    updateSubmit();
  }

  function updateSubmit() {
    $("submit-button").disabled = !apiKey() || state.files.length === 0 || state.busy;
  }

  // ---- submitting and polling ----
  const stageOrder = ["uploading", "queued", "preprocessing", "extracting", "done"];

  function showStage(stage, text) {
    $("progress-section").hidden = false;
    const reached = stageOrder.indexOf(stage);
    for (const item of $("stages").children) {
      const index = stageOrder.indexOf(item.dataset.stage);
      item.classList.toggle("done", index < reached || stage === "done");
      if (index === reached) item.setAttribute("aria-current", "step");
      else item.removeAttribute("aria-current");
    }
    $("progress-text").textContent = text;
  }

  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // Retry-After in seconds, as the service sends it; a client should wait at least that long between polls.
  function retryAfterMs(response) {
    const seconds = Number(response.headers.get("Retry-After"));
    return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) * 1000 : 2000;
  }

  async function submit(event) {
    event.preventDefault();
    if (!apiKey() || state.files.length === 0) return;
    clearResult();
    const form = new FormData();
    for (const file of state.files) form.append("image", file, file.name);
    state.busy = true;
    updateSubmit();
    showStage("uploading", "Sending the photos…");
    try {
      const response = await call("POST", "read_text", form);
      const body = await jsonOf(response);
      if (response.status !== 202) {
        showStage("uploading", "");
        showError(body, response.status);
        return;
      }
      state.taskId = body.id;
      await poll(retryAfterMs(response));
    } catch (error) {
      showError({ error: "The service could not be reached: " + error.message }, 0);
    } finally {
      state.busy = false;
      updateSubmit();
    }
  }

  async function poll(firstWaitMs) {
    let delay = firstWaitMs;
    showStage("queued", "Queued.");
    for (;;) {
      await wait(delay);
      const response = await call("GET", "id?task_id=" + encodeURIComponent(state.taskId));
      const body = await jsonOf(response);
      if (response.status === 202) {
        const stage = body && stageOrder.includes(body.stage) ? body.stage : "queued";
        const pages = body && typeof body.pages_done === "number" && body.pages ? ` Pages checked: ${body.pages_done} of ${body.pages.length}.` : "";
        showStage(stage, `Working: ${stage}.${pages}`);
        delay = retryAfterMs(response);
        continue;
      }
      showStage("done", response.status === 200 ? "Done: the document was read." : "Done: the document could not be read.");
      if (response.status === 200) showResult(body);
      else if (response.status === 422) showRefusal(body);
      else showError(body, response.status);
      return;
    }
  }

  // ---- showing the answer ----
  function clearResult() {
    revokeObjectUrls();
    state.taskId = null;
    $("result-section").hidden = true;
    $("refusal").hidden = true;
    for (const id of ["refusal", "summary", "pages", "mrz", "checks", "portrait", "raw", "delete-status"]) clear($(id));
    clear($("fields").tBodies[0]);
  }

  function showError(body, status) {
    $("result-section").hidden = false;
    $("fields-part").hidden = true;
    $("portrait-part").hidden = true;
    const refusal = $("refusal");
    refusal.hidden = false;
    const message = body && body.error ? body.error : `The service answered ${status}.`;
    refusal.append(el("p", { text: message }));
    if (body && body.code) refusal.append(el("p", { class: "code", text: "Code: " + body.code }));
    $("raw").textContent = JSON.stringify(body, null, 2);
  }

  function showRefusal(body) {
    showError(body, 422);
    const pages = body.pages || [{ page: 1, accepted: false, quality: body.quality, mrz: body.mrz, error: body }];
    showPages(pages);
    showChecks(pages);
    showMrz(pages);
  }

  function showResult(result) {
    $("result-section").hidden = false;
    $("fields-part").hidden = false;
    $("portrait-part").hidden = false;
    const summary = $("summary");
    const documentInfo = result.document || {};
    const parts = [documentInfo.type, documentInfo.issuing_country, documentInfo.issuing_region].filter(Boolean);
    summary.append(el("p", { text: "Document: " + (parts.length ? parts.join(", ") : "not recognised") }));
    const verification = result.verification || {};
    if (verification.mrz_valid) {
      summary.append(el("p", { text: verification.all_agree ? "Every checked field agrees with the MRZ." : "Some fields do not agree with the MRZ: see the table." }));
    }
    if (verification.document_expired) summary.append(el("p", { class: "warning", text: "The document has expired." }));

    const pages = result.pages || [{ page: 1, quality: result.quality, mrz: result.mrz }];
    showPages(pages);
    showFields(result.fields || {}, verification.fields || {});
    showMrz(pages);
    showChecks(pages);
    // The crops come after the rest, which need not wait for them.
    showPortraits(pages).catch(() => $("portrait").append(el("p", { text: "The portrait could not be fetched." })));
    $("raw").textContent = JSON.stringify(result, null, 2);
  }

  // Each page's photo as the browser shows it (EXIF orientation applied, as the service measures it), with the
  // document's outline drawn where the gate found it.
  function showPages(pages) {
    const holder = $("pages");
    pages.forEach((page, i) => {
      const file = state.files[i];
      if (!file) return;
      const canvas = el("canvas", { role: "img", "data-page": page.page || i + 1 });
      const outline = page.quality && page.quality.document && page.quality.document.corners;
      const accepted = page.accepted !== false;
      // A failed check that has a place in the photo (the glare spot) is circled there.
      const spots = ((page.quality && page.quality.checks) || []).filter((c) => !c.passed && c.spot);
      const label = `Page ${page.page || i + 1}${page.side ? " (" + page.side + ")" : ""}: ` +
        (outline ? `the document's outline is drawn in ${accepted ? "green" : "red"}.` : "no document outline was found.") +
        spots.map((c) => ` The ${c.name.replaceAll("_", " ")} check failed where the red circle is.`).join("");
      canvas.setAttribute("aria-label", label);
      const figure = el("figure", {}, canvas, el("figcaption", { text: label }));
      holder.append(figure);
      const image = new Image();
      image.onload = () => drawPage(canvas, image, outline, accepted, spots);
      image.src = objectUrl(file);
    });
  }

  function drawPage(canvas, image, outline, accepted, spots) {
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    context.lineWidth = Math.max(3, Math.round(Math.max(canvas.width, canvas.height) / 250));
    context.strokeStyle = "#d50000";
    for (const { spot } of spots) {
      context.beginPath();
      context.arc(spot.x, spot.y, Math.max(spot.radius, context.lineWidth * 4), 0, 2 * Math.PI);
      context.stroke();
    }
    canvas.dataset.spots = String(spots.length);
    if (!outline || outline.length !== 4) {
      canvas.dataset.outline = "none";
      return;
    }
    context.strokeStyle = accepted ? "#00c853" : "#d50000";
    context.beginPath();
    outline.forEach(([x, y], i) => (i === 0 ? context.moveTo(x, y) : context.lineTo(x, y)));
    context.closePath();
    context.stroke();
    canvas.dataset.outline = "drawn";
  }

  const agreementWords = {
    agrees: "agrees",
    disagrees: "disagrees",
    not_read: "not read",
    unverified: "no MRZ to check against",
  };

  function showFields(fields, agreement) {
    const body = $("fields").tBodies[0];
    for (const [name, field] of Object.entries(fields)) {
      const check = agreement[name];
      const row = el("tr", {},
        el("th", { scope: "row", text: name.replaceAll("_", " ") }),
        field ? el("td", { text: field.value }) : el("td", { class: "unreadable", text: "not shown or not readable" }),
        el("td", { text: field ? field.source : "" }),
        el("td", { text: field && field.page ? field.page : "" }),
        el("td", {}, check ? el("span", { class: "badge " + check, text: agreementWords[check] || check }) : ""));
      body.append(row);
    }
  }

  // Where each format's check digits stand (line, column) and which check they belong to (ICAO 9303).
  const checkDigits = {
    TD1: [[0, 14, "document_number"], [1, 6, "birth_date"], [1, 14, "expiry_date"], [1, 29, "composite"]],
    TD2: [[1, 9, "document_number"], [1, 19, "birth_date"], [1, 27, "expiry_date"], [1, 35, "composite"]],
    TD3: [[1, 9, "document_number"], [1, 19, "birth_date"], [1, 27, "expiry_date"], [1, 42, "optional_data"], [1, 43, "composite"]],
  };

  function showMrz(pages) {
    const holder = $("mrz");
    for (const page of pages) {
      const mrz = page.mrz;
      if (!mrz || !mrz.found) continue;
      const digits = checkDigits[mrz.format] || [];
      const block = el("pre", { class: "mrz", "aria-label": `MRZ of page ${page.page}, ${mrz.valid ? "valid" : "not valid"}` });
      (mrz.lines || []).forEach((line, lineIndex) => {
        const lineNode = el("span", { class: "mrz-line" });
        [...line].forEach((character, column) => {
          const digit = digits.find(([l, c]) => l === lineIndex && c === column);
          if (!digit) {
            lineNode.append(character);
            return;
          }
          const ok = mrz.checks && mrz.checks[digit[2]];
          lineNode.append(el("mark", { class: ok ? "check-ok" : "check-bad", title: `${digit[2].replaceAll("_", " ")} check digit: ${ok ? "correct" : "wrong"}`, text: character }));
        });
        block.append(lineNode, "\n");
      });
      holder.append(el("p", { text: `Page ${page.page}: ${mrz.format}, ${mrz.valid ? "every check digit is correct" : "not valid"}.` }), block);
      const marks = el("ul", { class: "check-list" });
      for (const [name, ok] of Object.entries(mrz.checks || {})) {
        marks.append(el("li", { class: ok ? "check-ok" : "check-bad", text: `${name.replaceAll("_", " ")}: ${ok ? "correct" : "wrong"}` }));
      }
      holder.append(marks);
    }
    if (!holder.firstChild) holder.append(el("p", { text: "No machine-readable zone was read." }));
  }

  function showChecks(pages) {
    const holder = $("checks");
    for (const page of pages) {
      const checks = (page.quality && page.quality.checks) || (page.error && page.error.checks) || [];
      if (checks.length === 0) continue;
      const table = el("table", {},
        el("caption", { text: `Page ${page.page}: ${page.accepted === false || (page.quality && page.quality.accepted === false) ? "refused" : "accepted"}` }),
        el("thead", {}, el("tr", {}, ...["Check", "Score", "Threshold", "Result"].map((h) => el("th", { scope: "col", text: h })))));
      const body = el("tbody");
      for (const check of checks) {
        // The hints themselves are in the refusal above, once each, in the order they matter.
        const result = check.passed ? "passed" : check.blocking ? "failed" : "outside, not blocking";
        body.append(el("tr", { class: check.passed ? "passed" : "failed" },
          el("th", { scope: "row", text: check.name.replaceAll("_", " ") }),
          el("td", { text: round(check.score) }),
          el("td", { text: round(check.threshold) }),
          el("td", { text: result })));
      }
      table.append(body);
      holder.append(el("div", { class: "scroll" }, table));
    }
  }

  function round(value) {
    return typeof value === "number" ? (Math.abs(value) >= 10 ? value.toFixed(0) : value.toFixed(3)) : String(value);
  }

  // The crop is biometric data served to the key's owner alone: fetched with the key header, shown from a blob: URL.
  async function showPortraits(pages) {
    const holder = $("portrait");
    for (const page of pages) {
      if (!page.portrait) continue;
      const response = await call("GET", `portrait?task_id=${encodeURIComponent(state.taskId)}&page=${page.page}`);
      if (response.status !== 200) continue;
      const image = el("img", { alt: `The holder's portrait from page ${page.page}`, src: objectUrl(await response.blob()) });
      holder.append(image);
    }
    if (!holder.firstChild) holder.append(el("p", { text: "No portrait was found." }));
  }

  async function deleteNow() {
    if (!state.taskId) return;
    const response = await call("DELETE", "id?task_id=" + encodeURIComponent(state.taskId));
    if (response.status === 204) {
      clearResult();
      $("result-section").hidden = false;
      $("delete-status").textContent = "Deleted: the photos, the result and the portrait are gone from the service.";
    } else {
      const body = await jsonOf(response);
      $("delete-status").textContent = body && body.error ? body.error : `The service answered ${response.status}.`;
    }
  }

  // ---- wiring ----
  document.addEventListener("DOMContentLoaded", () => {
    $("key-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const key = $("api-key").value.trim();
      if (!key) return;
      sessionStorage.setItem(keyStorage, key);
      $("api-key").value = "";
      showKeyState();
      $("files").focus();
    });
    $("forget-key").addEventListener("click", () => askForKeyAgain("The key was forgotten."));
    $("files").addEventListener("change", (event) => addFiles(event.target.files));
    $("camera").addEventListener("change", (event) => addFiles(event.target.files));
    $("clear-button").addEventListener("click", () => {
      state.files = [];
      $("files").value = "";
      $("camera").value = "";
      showChosen();
    });
    const zone = $("drop-zone");
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("dragging");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("dragging");
      addFiles(event.dataTransfer.files);
    });
    $("submit-form").addEventListener("submit", submit);
    $("delete-button").addEventListener("click", deleteNow);
    showKeyState();
  });
})();
