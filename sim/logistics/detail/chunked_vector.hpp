// A vector that grows by fixed-size chunks: elements never move, growth never copies (so the
// peak memory is not twice the live size, as it briefly is when a std::vector reallocates),
// and indexing is a shift and a mask.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace corridor::logistics::detail {

template <class T, std::size_t ChunkBits = 12>
class ChunkedVector {
    static constexpr std::size_t kChunk = std::size_t{1} << ChunkBits;

public:
    [[nodiscard]] std::size_t size() const { return size_; }
    T& operator[](std::size_t i) { return chunks_[i >> ChunkBits][i & (kChunk - 1)]; }
    const T& operator[](std::size_t i) const { return chunks_[i >> ChunkBits][i & (kChunk - 1)]; }

    void push_back(const T& value) {
        if ((size_ & (kChunk - 1)) == 0 && (size_ >> ChunkBits) == chunks_.size()) {
            chunks_.push_back(std::make_unique<T[]>(kChunk));
        }
        (*this)[size_] = value;
        ++size_;
    }

private:
    std::vector<std::unique_ptr<T[]>> chunks_;
    std::size_t size_ = 0;
};

} // namespace corridor::logistics::detail
