// The report's HTML: one self-contained page with the chart libraries, the data and the specs
// inline, so that it opens offline by double-click. The same Page gives the same bytes.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace corridor::report::detail {

struct Section {
    std::string heading;
    std::string html; // trusted markup built with escape(): text, tables, chart_div()s
};

struct Page {
    std::string title;    // "baseline_2025": the browser tab and the page's heading
    std::string subtitle; // "run of model middle_corridor ..."
    std::string banner;   // a warning at the top (a partial run), empty for none
    std::vector<std::pair<std::string, std::string>> facts; // what was run: label, text
    std::vector<Section> sections;
    nlohmann::json specs = nlohmann::json::object();    // chart name -> Vega-Lite spec
    nlohmann::json datasets = nlohmann::json::object(); // data the specs share by name (the basemap)
};

std::string escape(std::string_view text);
/// A placeholder the page's script renders the named spec into.
std::string chart_div(std::string_view spec_name, std::string_view caption = {});
/// A table from a header and rows of already escaped cells; numeric columns right-aligned.
std::string html_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

std::string render(const Page& page);

} // namespace corridor::report::detail
