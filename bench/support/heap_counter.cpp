// Global operator new/delete that keep a running total via malloc_usable_size (glibc).
#include "bench/support/heap_counter.hpp"

#include <cstdlib>
#include <malloc.h>
#include <new>

namespace {
std::size_t current = 0;
std::size_t peak = 0;

void* counted(std::size_t size) {
    void* p = std::malloc(size == 0 ? 1 : size);
    if (p == nullptr) throw std::bad_alloc{};
    current += malloc_usable_size(p);
    if (current > peak) peak = current;
    return p;
}
// Over-aligned types (alignas above 16: the simulation's vehicles, consignments, link records)
// come through the aligned forms, which must be counted too.
void* counted_aligned(std::size_t size, std::align_val_t align) {
    const auto a = static_cast<std::size_t>(align);
    void* p = nullptr;
    if (posix_memalign(&p, a, size == 0 ? a : size) != 0) throw std::bad_alloc{};
    current += malloc_usable_size(p);
    if (current > peak) peak = current;
    return p;
}
void uncounted(void* p) noexcept {
    if (p == nullptr) return;
    current -= malloc_usable_size(p);
    std::free(p);
}
} // namespace

void* operator new(std::size_t size) { return counted(size); }
void* operator new[](std::size_t size) { return counted(size); }
void operator delete(void* p) noexcept { uncounted(p); }
void operator delete[](void* p) noexcept { uncounted(p); }
void operator delete(void* p, std::size_t) noexcept { uncounted(p); }
void operator delete[](void* p, std::size_t) noexcept { uncounted(p); }
void* operator new(std::size_t size, std::align_val_t align) { return counted_aligned(size, align); }
void* operator new[](std::size_t size, std::align_val_t align) { return counted_aligned(size, align); }
void operator delete(void* p, std::align_val_t) noexcept { uncounted(p); }
void operator delete[](void* p, std::align_val_t) noexcept { uncounted(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { uncounted(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { uncounted(p); }

namespace corridor::bench {
std::size_t heap_bytes() { return current; }
std::size_t heap_peak_bytes() { return peak; }
void reset_heap_peak() { peak = current; }
} // namespace corridor::bench
