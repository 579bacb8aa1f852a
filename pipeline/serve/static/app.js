// vnkg serve: the neighbourhood graph (Cytoscape) and the charts (Chart.js), from JSON the page carries.
"use strict";
(function () {
  function colour(kind) {
    var probe = document.createElement("span");
    probe.className = "kind-" + kind;
    document.body.appendChild(probe);
    var c = getComputedStyle(probe).getPropertyValue("--kind").trim() || "#8d99ae";
    probe.remove();
    return c;
  }

  function neighbourhood() {
    var box = document.getElementById("neighbourhood");
    var data = document.getElementById("neighbourhood-data");
    if (!box || !data || typeof cytoscape === "undefined") return;
    var elements = JSON.parse(data.textContent);
    elements.nodes.forEach(function (n) { n.data.colour = colour(n.data.type); });
    var cy = cytoscape({
      container: box,
      elements: elements,
      style: [
        { selector: "node", style: { "background-color": "data(colour)", "label": "data(label)", "font-size": 9,
          "text-wrap": "ellipsis", "text-max-width": 110, "width": 14, "height": 14, "color": "#333" } },
        { selector: "node[?focus]", style: { "width": 26, "height": 26, "font-size": 12, "font-weight": 700,
          "border-width": 3, "border-color": "#222" } },
        { selector: "edge", style: { "width": 1, "line-color": "#bbb", "target-arrow-color": "#bbb",
          "target-arrow-shape": "triangle", "curve-style": "bezier" } },
        { selector: "edge[?near]", style: { "label": "data(label)", "font-size": 8, "color": "#777",
          "text-rotation": "autorotate", "line-color": "#999", "target-arrow-color": "#999" } }
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 40000; },
                idealEdgeLength: function () { return 90; }, padding: 20 }
    });
    cy.on("tap", "node", function (evt) {
      var iri = evt.target.id();
      var pages = ["Person", "Organisation", "Place", "Zone", "Document"];
      if (!evt.target.data("focus") && pages.indexOf(evt.target.data("type")) >= 0) window.location.href = "/entity?iri=" + encodeURIComponent(iri);
    });
    box.setAttribute("data-rendered-nodes", String(cy.nodes().length));
  }

  function charts() {
    if (typeof Chart === "undefined") return;
    document.querySelectorAll("canvas.chart").forEach(function (canvas) {
      var data = JSON.parse(canvas.nextElementSibling.textContent);
      var kind = canvas.getAttribute("data-chart");
      var config;
      if (kind === "lines") {
        var dates = [];
        Object.keys(data).forEach(function (k) { data[k].forEach(function (p) { if (dates.indexOf(p[0]) < 0) dates.push(p[0]); }); });
        dates.sort();
        config = { type: "line", data: { labels: dates, datasets: Object.keys(data).slice(0, 8).map(function (k) {
          var byDate = {}; data[k].forEach(function (p) { byDate[p[0]] = p[1]; });
          return { label: k, data: dates.map(function (d) { return d in byDate ? byDate[d] : null; }), spanGaps: true };
        }) }, options: { animation: false, scales: { y: { type: "logarithmic" } } } };
      } else {
        var colours = canvas.hasAttribute("data-colour-by-kind") ? data.labels.map(colour) : "#2e86ab";
        config = { type: "bar", data: { labels: data.labels, datasets: [{ label: canvas.getAttribute("data-label"),
          data: data.values, backgroundColor: colours }] },
          options: { animation: false, indexAxis: kind === "hbar" ? "y" : "x", plugins: { legend: { display: false } } } };
      }
      new Chart(canvas, config);
      canvas.setAttribute("data-rendered", "1");
    });
  }

  document.addEventListener("DOMContentLoaded", function () { neighbourhood(); charts(); });
}());
