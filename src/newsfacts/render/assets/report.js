// The report's behaviour: the entity card, mention and check highlighting, and the Plotly charts.
// Article text only ever reaches the page through textContent, never as markup.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const text = document.querySelector(".article-text");
  const card = document.getElementById("card");
  const fullText = text ? text.textContent : "";
  let pinned = null;

  function element(tag, content, className) {
    const node = document.createElement(tag);
    if (content !== undefined) node.textContent = content;
    if (className) node.className = className;
    return node;
  }

  function marked(id, className, on) {
    document.querySelectorAll("[data-e]").forEach(function (node) {
      node.classList.toggle(className, on && node.dataset.e === id);
    });
  }

  function showEntity(id) {
    const entity = data.entities[id];
    if (!entity) return;
    marked(id, "lit", true);
    card.replaceChildren();
    card.append(element("h3", entity.name));
    card.append(element("p", entity.type.toLowerCase() + " · " + entity.mentions.length + " mentions", "meta"));
    const list = element("ol");
    entity.mentions.forEach(function (mention) {
      const item = element("li");
      const before = fullText.slice(Math.max(0, mention.start - 40), mention.start);
      const after = fullText.slice(mention.start + mention.text.length, mention.start + mention.text.length + 40);
      item.append(element("span", "…" + before, "context"), element("mark", mention.text),
                  element("span", after + "… ", "context"), element("small", mention.kind));
      list.append(item);
    });
    card.append(list);
  }

  function entityOf(event) {
    const node = event.target.closest ? event.target.closest("[data-e]") : null;
    return node ? node.dataset.e : null;
  }

  document.addEventListener("mouseover", function (event) {
    const id = entityOf(event);
    if (id && !pinned) showEntity(id);
  });
  document.addEventListener("mouseout", function (event) {
    if (entityOf(event) && !pinned) marked(null, "lit", false);
  });
  document.addEventListener("click", function (event) {
    const id = entityOf(event);
    if (!id) return;
    pinned = pinned === id ? null : id;
    marked(pinned, "pinned", pinned !== null);
    if (pinned) showEntity(pinned); else marked(null, "lit", false);
  });

  // A check, in the box at the top or the table at the bottom, lights up the figures it reads in the article.
  function litCheck(number) {
    document.querySelectorAll("[data-c]").forEach(function (node) {
      node.classList.toggle("lit-check", number !== null && node.dataset.c.split(" ").indexOf(number) >= 0);
    });
  }
  document.querySelectorAll("[data-check]").forEach(function (row) {
    row.addEventListener("mouseenter", function () { litCheck(row.dataset.check); });
    row.addEventListener("mouseleave", function () { litCheck(null); });
  });

  const config = { displaylogo: false, responsive: true };
  [["timeline", "timeline-chart"], ["graph", "graph-chart"]].forEach(function (pair) {
    const figure = data.figures[pair[0]];
    const target = document.getElementById(pair[1]);
    if (!target) return;
    if (figure) {
      target.style.height = figure.layout.height + "px";  // keeps the page's flow when the window resizes
      Plotly.newPlot(target, figure.data, figure.layout, config);
    }
    else target.replaceWith(element("p", "Nothing to draw: no dated events or time expressions.", "empty"));
  });
})();
