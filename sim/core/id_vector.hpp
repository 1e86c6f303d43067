// A vector indexed by a tagged id (ids.hpp): the element type and the id's entity go together,
// so a vehicle's index cannot read a consignment's record.
#pragma once
#include <cstddef>
#include <initializer_list>
#include <utility>
#include <vector>

#include "sim/core/ids.hpp"

namespace corridor::core {

/// The ids 0…n−1 of a dense range: for (const auto v : IdRange<NodeId>{network.node_count()}).
template <class IdType>
class IdRange {
public:
    using Rep = typename IdType::Rep;
    class Iterator {
    public:
        explicit Iterator(Rep i) : i_{i} {}
        IdType operator*() const { return IdType{i_}; }
        Iterator& operator++() {
            ++i_;
            return *this;
        }
        bool operator!=(const Iterator& other) const { return i_ != other.i_; }

    private:
        Rep i_;
    };
    explicit IdRange(std::size_t n) : n_{static_cast<Rep>(n)} {}
    [[nodiscard]] Iterator begin() const { return Iterator{0}; }
    [[nodiscard]] Iterator end() const { return Iterator{n_}; }

private:
    Rep n_;
};

template <class IdType, class T>
class IdVector {
public:
    using value_type = T;
    IdVector() = default;
    IdVector(std::size_t n, const T& value) : items_(n, value) {}
    explicit IdVector(std::vector<T> items) : items_{std::move(items)} {}

    T& operator[](IdType id) { return items_[id.index()]; }
    const T& operator[](IdType id) const { return items_[id.index()]; }

    /// The id the next push_back gets.
    [[nodiscard]] IdType next_id() const { return IdType{static_cast<typename IdType::Rep>(items_.size())}; }
    IdType push_back(T value) {
        const IdType id = next_id();
        items_.push_back(std::move(value));
        return id;
    }
    template <class... Args>
    IdType emplace_back(Args&&... args) {
        const IdType id = next_id();
        items_.emplace_back(std::forward<Args>(args)...);
        return id;
    }
    void assign(std::size_t n, const T& value) { items_.assign(n, value); }
    void resize(std::size_t n) { items_.resize(n); }
    void resize(std::size_t n, const T& value) { items_.resize(n, value); }
    void reserve(std::size_t n) { items_.reserve(n); }
    void clear() { items_.clear(); }

    [[nodiscard]] std::size_t size() const { return items_.size(); }
    [[nodiscard]] bool empty() const { return items_.empty(); }
    [[nodiscard]] bool contains(IdType id) const { return id.valid() && id.index() < items_.size(); }
    T* data() { return items_.data(); }
    const T* data() const { return items_.data(); }
    auto begin() { return items_.begin(); }
    auto end() { return items_.end(); }
    auto begin() const { return items_.begin(); }
    auto end() const { return items_.end(); }
    T& back() { return items_.back(); }
    /// The underlying vector, for handing results over.
    std::vector<T>& items() { return items_; }
    const std::vector<T>& items() const { return items_; }

    /// Every id in order: for (const auto id : v.ids()).
    [[nodiscard]] IdRange<IdType> ids() const { return IdRange<IdType>{items_.size()}; }

private:
    std::vector<T> items_;
};

} // namespace corridor::core
