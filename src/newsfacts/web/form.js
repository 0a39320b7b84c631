// What the pages' forms share (index.js, compare.js): errors shown on the form, and a form posted for a report
// that opens at its own address (the server answers errors as JSON).
"use strict";
const errorBox = document.getElementById("error");

function showError(message) {
  errorBox.textContent = message;
  errorBox.style.display = "block";
}

function hideError() {
  errorBox.style.display = "none";
}

async function openReport(form, data, button) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = "Analysing…";
  try {
    const response = await fetch(form.action, { method: "POST", body: data, headers: { Accept: "application/json" } });
    let body = {};
    try { body = await response.json(); } catch (_) { /* not JSON: the status says what happened */ }
    if (!response.ok) {
      showError(body.error || `the server answered ${response.status}`);
      return;
    }
    window.location.assign(body.url);
  } catch (failure) {
    showError(`The server could not be reached (${failure.message}).`);
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}
