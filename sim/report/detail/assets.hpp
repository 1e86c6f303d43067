// The browser-side files a report inlines, copied into the program when it is built (from
// node_modules, installed by `npm ci` from package-lock.json): nothing is fetched at run time.
#pragma once
#include <string_view>

namespace corridor::report::detail {

struct Assets {
    std::string_view vega_js;        // vega/build/vega.min.js
    std::string_view vega_lite_js;   // vega-lite/build/vega-lite.min.js
    std::string_view vega_embed_js;  // vega-embed/build/vega-embed.min.js
    std::string_view countries_topojson; // world-atlas/countries-50m.json (Natural Earth 1:50m, public domain)
    std::string_view versions;       // "vega 6.4.0, vega-lite 6.5.0, ...", for the report's credits
};

const Assets& assets();

} // namespace corridor::report::detail
