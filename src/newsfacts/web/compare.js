// The story form, with a script: articles can be added, errors show on the form (the server answers them
// as JSON), and the report opens at its own address. Without the script the form posts two articles and the
// browser follows the server's redirect to the report.
"use strict";
const form = document.getElementById("compare-form");
const button = document.getElementById("submit");
const list = document.getElementById("articles");
const add = document.getElementById("add");

add.hidden = false;
add.addEventListener("click", () => {
  const number = list.children.length + 1;
  const copy = list.lastElementChild.cloneNode(true);
  copy.querySelectorAll("textarea, input").forEach((field) => {
    field.value = "";
    field.id = field.id.replace(/-\d+$/, `-${number}`);
  });
  copy.querySelectorAll("label[for]").forEach((label) => {
    label.htmlFor = label.htmlFor.replace(/-\d+$/, `-${number}`);
  });
  copy.querySelector("legend").textContent = `Article ${number}`;
  list.appendChild(copy);
  copy.querySelector("textarea").focus();
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  hideError();
  const data = new FormData(form);
  const given = data.getAll("text").filter((text) => text.trim()).length
    + data.getAll("file").filter((file) => file && file.size).length
    + data.get("urls").split("\n").filter((url) => url.trim()).length;
  if (given < 2) {
    showError("Give at least two articles: paste them, upload files or list their web addresses.");
    return;
  }
  await openReport(form, data, button);
});
