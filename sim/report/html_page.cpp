// The report page: layout, styles, the inlined libraries and the script that draws the charts.
#include "sim/report/detail/html_page.hpp"

#include "sim/report/detail/assets.hpp"

namespace corridor::report::detail {

namespace {

constexpr std::string_view kStyle = R"(
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1d2733;
       margin: 0; background: #fafbfc; }
header { background: #1f3a5f; color: #fff; padding: 18px 32px 14px; }
header h1 { margin: 0 0 4px; font-size: 24px; font-weight: 600; }
header p { margin: 0; opacity: 0.85; }
main { padding: 8px 32px 32px; max-width: 1180px; }
section { background: #fff; border: 1px solid #e1e5ea; border-radius: 6px; padding: 14px 20px 18px; margin: 16px 0; }
h2 { font-size: 18px; margin: 0 0 8px; color: #1f3a5f; }
p.note { color: #4a5866; margin: 4px 0 10px; max-width: 900px; }
.banner { background: #fff3cd; border: 1px solid #e0c36a; color: #6b5000; padding: 10px 16px; border-radius: 6px; margin-top: 16px; }
table { border-collapse: collapse; font-size: 13px; margin: 6px 0; }
th, td { padding: 4px 10px; border-bottom: 1px solid #e6e9ee; text-align: left; vertical-align: top; }
th { background: #f1f4f8; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td { white-space: nowrap; }
table.facts td:first-child { color: #4a5866; white-space: nowrap; }
code { font-size: 12px; }
.chart { margin: 6px 0 4px; min-height: 40px; }
.caption { color: #4a5866; font-size: 12px; margin-bottom: 10px; }
label.switch { font-size: 13px; color: #1d2733; }
footer { color: #6a7785; font-size: 12px; padding: 0 32px 24px; }
)";

constexpr std::string_view kScript = R"(
(function () {
  var page = JSON.parse(document.getElementById("corridor-specs").textContent);
  function spec(name) { return Object.assign({ datasets: page.datasets }, page.charts[name]); }
  var options = { mode: "vega-lite", renderer: "svg", actions: false };
  var charts = Array.prototype.slice.call(document.querySelectorAll("[data-spec]"));
  var pending = charts.length;
  function done() { if (--pending === 0) document.body.setAttribute("data-rendered", "all"); }
  charts.forEach(function (el) {
    vegaEmbed(el, spec(el.getAttribute("data-spec")), options).then(done, function (error) {
      el.textContent = "This chart could not be drawn: " + error;
      console.error(error);
      done();
    });
  });
  if (pending === 0) document.body.setAttribute("data-rendered", "all");
  Array.prototype.slice.call(document.querySelectorAll("select[data-target]")).forEach(function (select) {
    select.addEventListener("change", function () {
      var el = document.getElementById(select.getAttribute("data-target"));
      el.setAttribute("data-spec", select.value);
      vegaEmbed(el, spec(select.value), options).catch(function (error) { console.error(error); });
    });
  });
})();
)";

// A library's text without its source-map comment (the map is not shipped in the report).
std::string_view without_source_map(std::string_view js) {
    const auto at = js.rfind("//# sourceMappingURL=");
    return at == std::string_view::npos ? js : js.substr(0, at);
}

bool numeric_cell(std::string_view text) {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    return !text.empty() && (digit(text[0]) || (text.size() > 1 && text[0] == '-' && digit(text[1])));
}

} // namespace

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string chart_div(std::string_view spec_name, std::string_view caption) {
    std::string html = "<div class=\"chart\" id=\"chart-" + escape(spec_name) + "\" data-spec=\"" + escape(spec_name) + "\"></div>\n";
    if (!caption.empty()) html += "<div class=\"caption\">" + std::string(caption) + "</div>\n";
    return html;
}

std::string html_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
    std::string html = "<table>\n<tr>";
    for (const auto& h : header) html += "<th>" + h + "</th>";
    html += "</tr>\n";
    for (const auto& row : rows) {
        html += "<tr>";
        for (const auto& cell : row) html += (numeric_cell(cell) ? "<td class=\"num\">" : "<td>") + cell + "</td>";
        html += "</tr>\n";
    }
    return html + "</table>\n";
}

std::string render(const Page& page) {
    const Assets& a = assets();
    std::string html;
    html.reserve(a.vega_js.size() + a.vega_lite_js.size() + a.vega_embed_js.size() + 1'000'000);
    html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    html += "<title>corridor: " + escape(page.title) + "</title>\n<style>";
    html += kStyle;
    html += "</style>\n<script>";
    html += without_source_map(a.vega_js);
    html += "</script>\n<script>";
    html += without_source_map(a.vega_lite_js);
    html += "</script>\n<script>";
    html += without_source_map(a.vega_embed_js);
    html += "</script>\n</head>\n<body>\n<header>\n<h1>" + escape(page.title) + "</h1>\n<p>" + escape(page.subtitle) +
            "</p>\n</header>\n<main>\n";
    if (!page.banner.empty()) html += "<div class=\"banner\">" + escape(page.banner) + "</div>\n";
    if (!page.facts.empty()) {
        html += "<section>\n<h2>What was run</h2>\n<table class=\"facts\">\n";
        for (const auto& [label, text] : page.facts) html += "<tr><td>" + escape(label) + "</td><td>" + text + "</td></tr>\n";
        html += "</table>\n</section>\n";
    }
    for (const auto& s : page.sections) html += "<section>\n<h2>" + escape(s.heading) + "</h2>\n" + s.html + "</section>\n";
    html += "</main>\n<footer>Made by corridor. Charts: ";
    html += escape(a.versions);
    html += " (Vega and Vega-Lite: BSD-3-Clause). Basemap: Natural Earth 1:50m countries, public domain, via world-atlas "
            "(ISC). Links are drawn as straight lines between their nodes.</footer>\n";
    // JSON in a script element: "</" would end the element, so it is written "<\/" (the same string).
    std::string specs = nlohmann::json{{"charts", page.specs}, {"datasets", page.datasets}}.dump();
    for (std::size_t at = specs.find("</"); at != std::string::npos; at = specs.find("</", at + 3)) specs.replace(at, 2, "<\\/");
    html += "<script type=\"application/json\" id=\"corridor-specs\">" + specs + "</script>\n<script>";
    html += kScript;
    html += "</script>\n</body>\n</html>\n";
    return html;
}

} // namespace corridor::report::detail
