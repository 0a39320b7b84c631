// The form, with a script: only the chosen input is sent, errors show on the form (the server answers them
// as JSON), and the report opens at its own address. Without the script the form posts and the browser
// follows the server's redirect to the report.
"use strict";
const form = document.getElementById("article-form");
const button = document.getElementById("submit");
const fields = { text: "text", file: "file", url: "url" };
const missing = {
  text: "Paste the article's text, or choose another way to give it.",
  file: "Choose a file, or choose another way to give the article.",
  url: "Give the article's web address, or choose another way to give it.",
};

form.querySelectorAll("input[name=source]").forEach((choice) => {
  choice.addEventListener("change", () => document.getElementById(fields[choice.value]).focus());
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  hideError();
  const data = new FormData(form);
  const source = data.get("source") || "text";
  const value = data.get(source);
  if (source === "file" ? !(value && value.size) : !String(value || "").trim()) {
    showError(missing[source]);
    return;
  }
  Object.keys(fields).filter((name) => name !== source).forEach((name) => data.delete(name));
  await openReport(form, data, button);
});
