// A scenario's `overrides`, applied to the model's YAML document before the model is checked.
#include "sim/scenario/detail/model_overrides.hpp"

#include <algorithm>

namespace corridor::scenario::detail {

namespace {

// The nodes an override puts into the model, and their subtrees: the model's checks then
// report a problem in them at the scenario file's line, not the model's.
void mark_foreign(const YAML::Node& node, const std::string& file, std::vector<ForeignNode>& foreign) {
    foreign.push_back({node, file});
    if (node.IsMap()) {
        for (const auto& kv : node) {
            mark_foreign(kv.first, file, foreign);
            mark_foreign(kv.second, file, foreign);
        }
    } else if (node.IsSequence()) {
        for (const auto& item : node) mark_foreign(item, file, foreign);
    }
}

// An override's value for `key` of `target`: a map merges into the map there key by key
// (a node's border: {servers: 40} changes the servers only); anything else replaces it (a
// service's vessels are a list, replaced whole).
void merge_into(YAML::Node target, const YAML::Node& key, const YAML::Node& value, const std::string& file,
                std::vector<ForeignNode>& foreign) {
    // Looked up through a const node: a mutable lookup would leave an undefined entry behind,
    // which later reads of the key would find before the one inserted below.
    YAML::Node existing = static_cast<const YAML::Node&>(target)[key.Scalar()];
    // A distribution of another kind replaces the model's ({lognormal: ...} over {exponential:
    // ...}); one of the same kind merges its parameters, as any other map does.
    const bool other_distribution = value.IsMap() && value.size() == 1 && value.begin()->first.IsScalar() &&
                                    is_distribution_kind(value.begin()->first.Scalar()) && existing && existing.IsMap() &&
                                    !static_cast<const YAML::Node&>(existing)[value.begin()->first.Scalar()];
    if (existing && existing.IsMap() && value.IsMap() && !other_distribution) {
        for (const auto& kv : value) merge_into(existing, kv.first, kv.second, file, foreign);
        return;
    }
    // The override's own key node goes into the model, so that a problem with the key (a typo the
    // model's checks find) is reported at its place in the scenario file.
    if (existing) target.remove(key.Scalar());
    target.force_insert(key, value);
    mark_foreign(key, file, foreign);
    mark_foreign(value, file, foreign);
}

// A fleet cut to its first n vessels, or grown with copies of its last one ("Name 2", ...).
void resize_fleet(YAML::Node service, const YAML::Node& count, const std::string& id, YamlReader& r) {
    long long n = 0;
    if (!count.IsScalar() || !YAML::convert<long long>::decode(count, n) || n < 1 || n > 1000) {
        r.error(count, "vessel_count of '" + id + "' must be a whole number from 1 to 1000");
        return;
    }
    YAML::Node vessels = service["vessels"];
    if (!vessels || !vessels.IsSequence() || vessels.size() == 0) {
        r.error(count, "'" + id + "' has no vessels to count");
        return;
    }
    YAML::Node resized(YAML::NodeType::Sequence);
    const auto existing = static_cast<long long>(vessels.size());
    for (long long i = 0; i < n; ++i) {
        if (i < existing) {
            resized.push_back(vessels[static_cast<std::size_t>(i)]);
            continue;
        }
        YAML::Node copy = YAML::Clone(vessels[static_cast<std::size_t>(existing - 1)]);
        copy["name"] = copy["name"].Scalar() + " " + std::to_string(i - existing + 2);
        resized.push_back(copy);
    }
    service["vessels"] = resized;
}

} // namespace

void apply_overrides(const YAML::Node& overrides, const std::string& overrides_file, YamlReader& r,
                     YAML::Node& model_doc, std::vector<ForeignNode>& foreign) {
    if (!r.expect_map(overrides, "overrides: {nodes|links|services: {id: {key: value}}}")) return;
    if (!tree_within(overrides, kMaxTreeNodes)) {
        r.error(overrides, "'overrides' holds more than " + std::to_string(kMaxTreeNodes) +
                               " values, counting each use of an alias: too large to apply");
        return;
    }
    r.check_keys(overrides, {"nodes", "links", "services"}, "overrides");
    for (const char* section : {"nodes", "links", "services"}) {
        const YAML::Node changes = overrides[section];
        if (!changes) continue;
        if (!r.expect_map(changes, std::string("overrides of ") + section + ": {id: {key: value}}")) continue;
        YAML::Node items = model_doc[section];
        std::vector<std::string> ids;
        if (items && items.IsSequence()) {
            for (const auto& item : items) {
                if (item.IsMap() && item["id"]) ids.push_back(item["id"].Scalar());
            }
        }
        for (const auto& change : changes) {
            const std::string id = change.first.Scalar();
            const auto pos = std::find(ids.begin(), ids.end(), id);
            if (pos == ids.end()) {
                std::string message = std::string("override of unknown ") + std::string(section).substr(0, std::string(section).size() - 1) + " '" + id + "'";
                if (const auto near = nearest(id, ids); !near.empty()) message += "; did you mean '" + near + "'?";
                r.error(change.first, message);
                continue;
            }
            if (!r.expect_map(change.second, "the keys to change of '" + id + "'")) continue;
            YAML::Node target = items[static_cast<std::size_t>(pos - ids.begin())];
            for (const auto& kv : change.second) {
                if (kv.first.IsScalar() && kv.first.Scalar() == "id") {
                    r.error(kv.first, "an override cannot change an id ('" + id + "'): other parts of the model refer to it");
                    continue;
                }
                if (std::string(section) == "services" && kv.first.Scalar() == "vessel_count") {
                    resize_fleet(target, kv.second, id, r);
                    continue;
                }
                merge_into(target, kv.first, kv.second, overrides_file, foreign);
            }
        }
    }
}

} // namespace corridor::scenario::detail
