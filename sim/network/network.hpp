// The transport network: nodes with their processes, directed links, cargo classes. Built once
// from a NetworkSpec (the loader's output), immutable afterwards and safe to read from many
// threads. Units are in the field names: km, km/h, hours, USD, g CO2e per tonne-km.
#pragma once
#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/distributions.hpp"
#include "sim/core/ids.hpp"
#include "sim/core/units.hpp"

namespace corridor::network {

enum class Mode : std::uint8_t { rail, road, ferry, sea, air };
enum class NodeKind : std::uint8_t { rail_terminal, seaport, dry_port, border, junction, city, airport };
enum class LinkStatus : std::uint8_t { open, planned, closed };

std::string_view to_string(Mode mode);
std::string_view to_string(NodeKind kind);
std::string_view to_string(LinkStatus status);

/// Calendar date as days since 1970-01-01 (civil, proleptic Gregorian).
struct Date {
    std::int32_t days = 0;
    friend constexpr auto operator<=>(const Date&, const Date&) = default;
};
/// nullopt unless `text` is a valid YYYY-MM-DD date.
std::optional<Date> parse_date(std::string_view text);
std::string to_string(Date date);

/// The hours of the day a border lets vehicles start crossing, in simulation time (a run starts
/// at 00:00 of its start date; the model has no time zones). Open from `from_h` until
/// `until_h`; an `until_h` below `from_h` spans midnight. Invariant: 0 <= from_h < 24,
/// 0 < until_h <= 24, from_h != until_h.
struct OpeningHours {
    core::Hours from_h{0};
    core::Hours until_h{24};

    [[nodiscard]] core::Hours closed_h() const {
        return until_h > from_h ? core::Hours{24} - (until_h - from_h) : from_h - until_h;
    }
    /// The mean wait for opening of a vehicle that arrives at a uniformly random time of day:
    /// the chance it arrives while closed (closed_h / 24) × the mean wait then (closed_h / 2).
    [[nodiscard]] core::Hours mean_wait_h() const { return closed_h() * closed_h().count() / 48; }
};

/// Which hazardous cargo a link or a node accepts, by UN class (1 to 9).
struct HazardRule {
    bool all = true;                     // every class
    std::vector<std::uint8_t> classes;   // when not all: the classes accepted (empty: none)

    /// Class 0 stands for a hazardous class of no stated class: only `all` accepts it.
    [[nodiscard]] bool accepts(std::uint8_t un_class) const {
        return all || (un_class != 0 && std::find(classes.begin(), classes.end(), un_class) != classes.end());
    }
    static HazardRule none() { return HazardRule{false, {}}; }
};

/// Passing a border: each vehicle dwells for a sampled time; `servers` per direction.
struct BorderProcess {
    core::Distribution dwell_h;          // per vehicle (train or truck), hours
    core::Distribution dwell_inbound_h;  // entering the node's country; defaults to dwell_h
    /// An inspection added to the dwell of a vehicle carrying hazardous cargo (none: no extra).
    std::optional<core::Distribution> hazardous_dwell_h;
    std::uint32_t servers = 1;
    core::Usd cost_usd_per_unit{0};
    /// None: open around the clock. Otherwise a vehicle starts its dwell only while open (one
    /// under way when it closes finishes); those that arrive while it is closed queue.
    std::optional<OpeningHours> hours;

    /// What routing expects a vehicle to spend here: the mean dwell in its direction, and the
    /// mean wait for opening if the border keeps hours.
    [[nodiscard]] core::Hours expected_h(bool inbound) const {
        return core::Hours{(inbound ? dwell_inbound_h : dwell_h).mean()} + (hours ? hours->mean_wait_h() : core::Hours{0});
    }
    /// The mean extra dwell of a vehicle carrying hazardous cargo.
    [[nodiscard]] core::Hours hazardous_extra_h() const {
        return core::Hours{hazardous_dwell_h ? hazardous_dwell_h->mean() : 0.0};
    }
};

/// Changing gauge or mode: cargo is lifted from one vehicle to the next.
struct TransshipmentProcess {
    core::Distribution setup_h;       // per vehicle, before handling starts
    core::UnitsPerHour units_per_crane_h{1}; // handling rate of one crane
    std::uint32_t cranes = 1;
    core::Usd cost_usd_per_unit{0};
};

/// A yard's room for one unit of cargo ("teu", "wagon", "truck").
struct YardCapacity {
    std::string unit;
    std::uint32_t units = 0;
};

/// A port: berths, vessel handling, and the yard where cargo waits between vehicles.
struct PortProcess {
    std::uint32_t berths = 1;
    core::Distribution handling_h;    // per vessel call (its fixed part when cranes work per unit)
    /// Cranes or ramps working a vessel at its berth, and the units each moves an hour; 0: the
    /// call takes handling_h whatever it loads.
    std::uint32_t cranes_per_berth = 0;
    core::UnitsPerHour units_per_crane_h{0};
    core::Usd cost_usd_per_unit{0};
    std::vector<YardCapacity> yard;   // none listed: room without limit

    /// Hours to move `units` on or off a vessel (0 without cranes).
    [[nodiscard]] double unit_handling_h(double units) const {
        return cranes_per_berth > 0 ? units / (cranes_per_berth * units_per_crane_h.value()) : 0.0;
    }
};

struct Node {
    std::string name;   // the id in the YAML ("DOS")
    std::string label;  // human name ("Dostyk")
    std::string country;
    NodeKind kind = NodeKind::junction;
    core::Degrees lat{0}, lon{0};
    std::optional<BorderProcess> border;
    std::optional<TransshipmentProcess> transshipment;
    std::optional<PortProcess> port;
    HazardRule hazardous;   // the hazardous cargo it handles or lets through (default: all)
};

struct Link {
    std::string name;
    core::NodeId from, to;
    Mode mode = Mode::rail;
    core::Km length{0};
    core::KmPerHour speed{0};
    std::uint32_t gauge_mm = 0;        // rail only; 0 for other modes
    core::PerDay capacity_per_day{0};  // rail: train paths; road: vehicles; 0 = unlimited
    core::UsdPerUnitKm cost_usd_per_unit_km{0};
    core::GramsPerTonneKm co2_g_per_tkm{0};
    LinkStatus status = LinkStatus::open;
    std::optional<Date> opens;         // planned links: first day open
    /// Countries it passes through besides its ends' (ISO codes): a link that stands for a whole
    /// route through other countries (the Northern route, the sea via Suez) names them.
    std::vector<std::string> countries;
    bool passengers = false;           // its vehicles or vessels carry passengers too
    /// The hazardous cargo it carries; none: its mode's default (hazard_rule_of).
    std::optional<HazardRule> hazardous;
    /// Cargo classes that may not use this link: its forbid_cargo as read; Network::build adds
    /// the classes whose modes exclude it and the hazardous classes it or its ends refuse.
    std::vector<core::CargoClassId> forbidden;
};

/// The hazardous cargo a link carries: its own rule, else its mode's default. Air and ferries
/// that carry passengers take none (assumption, models/README.md); other links take all.
HazardRule hazard_rule_of(const Link& link);

struct CargoClass {
    std::string name;
    std::string unit;          // "teu", "wagon", "truck", "tonne"
    core::Tonnes tonnes_per_unit{1};
    bool hazardous = false;
    std::uint8_t hazard_class = 0; // UN class 1 to 9 when hazardous; 0: not stated
    std::vector<Mode> modes;   // the modes it may use; empty: all (trucks: road and ferry)
};

struct NetworkSpec {
    std::string name;
    std::vector<Node> nodes;
    std::vector<Link> links;
    std::vector<CargoClass> cargo_classes;
};

/// A network that violates an invariant the loader should have caught.
class InvalidNetwork : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

class Network {
public:
    /// Throws InvalidNetwork naming the first offending node or link.
    static Network build(NetworkSpec spec);

    [[nodiscard]] const std::string& name() const;
    [[nodiscard]] std::size_t node_count() const;
    [[nodiscard]] std::size_t link_count() const;
    [[nodiscard]] const Node& node(core::NodeId id) const;
    [[nodiscard]] const Link& link(core::LinkId id) const;
    [[nodiscard]] std::span<const CargoClass> cargo_classes() const;
    [[nodiscard]] std::optional<core::NodeId> find_node(std::string_view name) const;
    [[nodiscard]] std::optional<core::LinkId> find_link(std::string_view name) const;
    [[nodiscard]] std::optional<core::CargoClassId> find_cargo_class(std::string_view name) const;
    /// Links leaving `node`, in a fixed order (by link id).
    [[nodiscard]] std::span<const core::LinkId> out_links(core::NodeId node) const;
    /// Is `link` usable on `date` (open, or planned and opened by then)?
    [[nodiscard]] bool is_open(core::LinkId link, std::optional<Date> date) const;
    /// May cargo of `cargo` use `link`?
    [[nodiscard]] bool allows(core::LinkId link, std::optional<core::CargoClassId> cargo) const;
    /// Why `cargo` may not use `link` ("its forbid_cargo lists it", ...); empty if it may.
    [[nodiscard]] std::string refusal(core::LinkId link, core::CargoClassId cargo) const;

    struct Impl;
    [[nodiscard]] const Impl& impl() const { return *impl_; }

private:
    explicit Network(std::shared_ptr<const Impl> impl) : impl_{std::move(impl)} {}
    std::shared_ptr<const Impl> impl_;
};

/// Great-circle distance between two nodes' coordinates (haversine, R = 6371 km).
core::Km great_circle(const Node& a, const Node& b);

} // namespace corridor::network
