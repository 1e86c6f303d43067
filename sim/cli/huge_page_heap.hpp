// The heap on transparent huge pages. glibc backs malloc's memory with 2 MiB pages when its
// tunable glibc.malloc.hugetlb=1 is set, and it reads that tunable only from the environment at
// start-up. On large networks most of the simulation's cache misses are also TLB misses, on
// small buffers scattered over the heap: there 2 MiB pages make a run faster, with the same
// results (BM_Simulate_Corridor at 10^5 nodes, bench/README.md). The bundled scenarios run as
// fast either way.
#pragma once
#include <string>

namespace corridor::cli {

/// Re-executes this program once, with glibc.malloc.hugetlb=1 added to GLIBC_TUNABLES, so that
/// the whole run, every thread's heap included, uses transparent huge pages. It does not when
/// GLIBC_TUNABLES already names that tunable (the user's choice stands), when
/// CORRIDOR_HUGE_PAGES=0, when the kernel's transparent huge pages are off, or in a sanitizer
/// build (whose allocator is not glibc's). Returns only if it did not re-execute; the
/// environment is then as it was.
void use_huge_page_heap(char** argv);

/// What backs the heap, one line for `corridor version` and the benchmarks' context.
std::string heap_description();

} // namespace corridor::cli
