// Counts the bytes the program holds through operator new, and the peak: memory per
// consignment in the simulation benchmark. Linking heap_counter.cpp replaces the global
// operator new and delete of that executable.
#pragma once
#include <cstddef>

namespace corridor::bench {
std::size_t heap_bytes();
std::size_t heap_peak_bytes();
void reset_heap_peak(); // peak := current
} // namespace corridor::bench
